using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using DemoConsole.Sandbox.Api.Tables;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Gateway;

/// <summary>
/// cAdvisor-style container_cpu_usage_seconds_total and container_memory_working_set_bytes for running pods:
/// a small idle baseline plus a cost per request served, so a load burst shows on the saturation panel.
/// </summary>
internal sealed class ContainerMetrics(Cluster cluster)
{
    private const double IdleCores = 0.004;
    private const double CpuSecondsPerRequest = 0.0015;
    private readonly ConcurrentDictionary<string, long> _requestsByPod = new();

    public void CountRequest(string podUid) => _requestsByPod.AddOrUpdate(podUid, 1, (_, n) => n + 1);

    public void WriteTo(StringBuilder output)
    {
        var pods = cluster.Store.List(ResourceTypes.Pods, null).Items;
        var live = pods.Select(p => p.Uid).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _requestsByPod.Keys.Where(k => !live.Contains(k)))
        {
            _requestsByPod.TryRemove(gone, out _);
        }

        var cpu = new StringBuilder("# HELP container_cpu_usage_seconds_total Cumulative cpu time consumed.\n# TYPE container_cpu_usage_seconds_total counter\n");
        var memory = new StringBuilder("# HELP container_memory_working_set_bytes Current working set.\n# TYPE container_memory_working_set_bytes gauge\n");
        var now = cluster.Now;
        foreach (var pod in pods.Where(p => Cells.Text(p.Node["status"]?["phase"]) == "Running"))
        {
            var started = Rfc3339.Parse(pod.Node["status"]?["startTime"]) ?? now;
            var uptime = Math.Max(0, (now - started).TotalSeconds);
            var requests = _requestsByPod.GetValueOrDefault(pod.Uid);
            foreach (var container in PodStatus.Containers(pod.Node))
            {
                var name = Cells.Text(container["name"]);
                var sidecar = name == "istio-proxy";
                var seconds = (uptime * IdleCores) + (requests * CpuSecondsPerRequest * (sidecar ? 0.3 : 1));
                var bytes = (sidecar ? 48 : 96) * 1024 * 1024 + (Math.Min(requests, 100_000) * 64) + (Math.Abs(pod.Uid.GetHashCode()) % (8 * 1024 * 1024));
                var labels = $"namespace=\"{pod.Namespace}\",pod=\"{pod.Name}\",container=\"{name}\"";
                cpu.Append("container_cpu_usage_seconds_total{").Append(labels).Append("} ")
                    .Append(seconds.ToString("0.######", CultureInfo.InvariantCulture)).Append('\n');
                memory.Append("container_memory_working_set_bytes{").Append(labels).Append("} ")
                    .Append(bytes.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        output.Append(cpu).Append(memory);
    }
}
