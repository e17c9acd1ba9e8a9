using System.Collections.Concurrent;
using Octokit.Caching;
using Octokit.Internal;

namespace DemoConsole.Core.Pipeline;

/// <summary>
/// Octokit's response cache, in memory: with it Octokit sends If-None-Match with the last ETag and GitHub answers an
/// unchanged resource with 304, which does not count against the rate limit. Bounded, since polled URLs are few.
/// </summary>
internal sealed class EtagCache : IResponseCache
{
    private const int Capacity = 256;
    private readonly ConcurrentDictionary<string, CachedResponse.V1> _entries = new(StringComparer.Ordinal);

    public Task<CachedResponse.V1> GetAsync(IRequest request) =>
        Task.FromResult(_entries.TryGetValue(Key(request), out var cached) ? cached : null!);

    public Task SetAsync(IRequest request, CachedResponse.V1 cachedResponse)
    {
        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }

        _entries[Key(request)] = cachedResponse;
        return Task.CompletedTask;
    }

    private static string Key(IRequest request) =>
        $"{request.Method} {request.BaseAddress}{request.Endpoint} {(request.Headers.TryGetValue("Accept", out var accept) ? accept : "")}";
}
