using System.Collections.Concurrent;

namespace DemoConsole.Sandbox.Logs;

/// <summary>
/// The logs of every container of every pod, keyed by pod uid so a replacement pod starts empty. Like the kubelet,
/// it keeps the previous instance of a restarted container (<c>kubectl logs --previous</c>) and no older one.
/// </summary>
internal sealed class PodLogs
{
    private readonly ConcurrentDictionary<(string PodUid, string Container), ContainerLog> _logs = new();
    private readonly ConcurrentDictionary<(string PodUid, string Container), ContainerLog> _previous = new();

    public ContainerLog For(string podUid, string container) => _logs.GetOrAdd((podUid, container), _ => new ContainerLog());

    public ContainerLog? Find(string podUid, string container) => _logs.GetValueOrDefault((podUid, container));

    public ContainerLog? FindPrevious(string podUid, string container) => _previous.GetValueOrDefault((podUid, container));

    /// <summary>
    /// The container exited: its log ends (followers see the end of the stream) but stays the one
    /// <c>kubectl logs</c> shows until the container starts again.
    /// </summary>
    public void Exited(string podUid, string container) => Find(podUid, container)?.Close();

    /// <summary>The container starts again: the ended instance becomes the previous one and a new log begins.</summary>
    public ContainerLog Restarted(string podUid, string container)
    {
        if (_logs.TryRemove((podUid, container), out var ended))
        {
            ended.Close();
            _previous[(podUid, container)] = ended;
        }

        return For(podUid, container);
    }

    /// <summary>The pod is gone: close followers and forget its lines.</summary>
    public void Remove(string podUid)
    {
        foreach (var key in _logs.Keys.Where(k => k.PodUid == podUid).ToList())
        {
            if (_logs.TryRemove(key, out var log))
            {
                log.Close();
            }
        }

        foreach (var key in _previous.Keys.Where(k => k.PodUid == podUid).ToList())
        {
            _previous.TryRemove(key, out _);
        }
    }
}
