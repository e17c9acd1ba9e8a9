using System.Collections.Concurrent;

namespace DemoConsole.Sandbox;

/// <summary>One request the Kubernetes API received.</summary>
public sealed record ApiRequestRecord(DateTimeOffset Time, string Method, string Path, string Query);

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

    internal void Add(ApiRequestRecord request)
    {
        _requests.Enqueue(request);
        while (_requests.Count > Capacity && _requests.TryDequeue(out _))
        {
        }
    }
}
