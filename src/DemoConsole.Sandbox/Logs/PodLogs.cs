using System.Collections.Concurrent;

namespace DemoConsole.Sandbox.Logs;

/// <summary>The logs of every container of every pod, keyed by pod uid so a replacement pod starts empty.</summary>
internal sealed class PodLogs
{
    private readonly ConcurrentDictionary<(string PodUid, string Container), ContainerLog> _logs = new();

    public ContainerLog For(string podUid, string container) => _logs.GetOrAdd((podUid, container), _ => new ContainerLog());

    public ContainerLog? Find(string podUid, string container) => _logs.GetValueOrDefault((podUid, container));

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
    }
}
