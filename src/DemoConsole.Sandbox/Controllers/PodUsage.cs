using System.Collections.Concurrent;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Controllers;

/// <summary>
/// Modelled resource use of running pods: an idle baseline plus a CPU cost per request the pod served. Read by
/// the cAdvisor-style metrics and by the HPA, so a load burst shows on the saturation panel and in <c>get hpa</c>.
/// Idle use is ~3% of the requests, matching the seed's "CPU 1-3%".
/// </summary>
internal sealed class PodUsage
{
    public const double CpuSecondsPerRequest = 0.0015;
    private const double IdleCores = 0.003;
    private const double SidecarShare = 0.1;
    private readonly ConcurrentDictionary<string, long> _requests = new();

    public void CountRequest(string podUid) => _requests.AddOrUpdate(podUid, 1, (_, n) => n + 1);

    public long Requests(string podUid) => _requests.GetValueOrDefault(podUid);

    public void Forget(string podUid) => _requests.TryRemove(podUid, out _);

    /// <summary>Cumulative CPU seconds a container has used since the pod started.</summary>
    public double CpuSeconds(StoredObject pod, string container, DateTimeOffset now)
    {
        var started = Rfc3339.Parse(pod.Node["status"]?["startTime"]) ?? now;
        var uptime = Math.Max(0, (now - started).TotalSeconds);
        var share = container == "istio-proxy" ? SidecarShare : 1.0;
        return (uptime * IdleCores * share) + (Requests(pod.Uid) * CpuSecondsPerRequest * share);
    }

    /// <summary>Working set bytes: a base per container, growing a little with the requests served.</summary>
    public long MemoryBytes(StoredObject pod, string container)
    {
        var baseBytes = container == "istio-proxy" ? 48L << 20 : 96L << 20;
        return baseBytes + (Math.Min(Requests(pod.Uid), 100_000) * 64) + (Math.Abs(StringComparer.Ordinal.GetHashCode(pod.Uid)) % (8 << 20));
    }
}
