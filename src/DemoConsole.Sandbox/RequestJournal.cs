using System.Collections.Concurrent;

namespace DemoConsole.Sandbox;

/// <summary>One request the Kubernetes API received; <see cref="Body"/> is kept for DELETEs (their preconditions), else null.</summary>
/// <param name="Host">The Host header: which address a client was given, so a test tells two clients of one cluster apart.</param>
public sealed record ApiRequestRecord(DateTimeOffset Time, string Method, string Path, string Query, string? Body = null, string? Host = null);

/// <summary>
/// What the sandbox's Kubernetes API received, newest last (bounded), so tests can assert for example that
/// no DELETE reached the cluster.
/// </summary>
public sealed class RequestJournal
{
    private const int Capacity = 10_000;
    private readonly ConcurrentQueue<ApiRequestRecord> _requests = new();

    public IReadOnlyList<ApiRequestRecord> Requests => _requests.ToArray();

    public void Clear() => _requests.Clear();

    /// <summary>The body of a small request, leaving it readable for the endpoint (a DELETE's options are tiny).</summary>
    internal static async Task<string?> ReadBodyAsync(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        if (request.ContentLength is null or 0 or > 16_384)
        {
            return null;
        }

        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync();
        request.Body.Position = 0;
        return body;
    }

    internal void Add(ApiRequestRecord request)
    {
        _requests.Enqueue(request);
        while (_requests.Count > Capacity && _requests.TryDequeue(out _))
        {
        }
    }
}
