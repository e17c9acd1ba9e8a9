using DemoConsole.Sandbox.Api.Tables;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Metrics;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Gateway;

/// <summary>cAdvisor-style container_cpu_usage_seconds_total and container_memory_working_set_bytes for running pods.</summary>
internal sealed class ContainerMetrics(Cluster cluster)
{
    public IEnumerable<MetricFamily> Families()
    {
        var cpu = new List<MetricSample>();
        var memory = new List<MetricSample>();
        var now = cluster.Now;
        foreach (var pod in cluster.Store.List(ResourceTypes.Pods, null).Items.Where(p => Cells.Text(p.Node["status"]?["phase"]) == "Running"))
        {
            foreach (var container in PodStatus.Containers(pod.Node))
            {
                var name = Cells.Text(container["name"]);
                var labels = LabelSet.Of(("namespace", pod.Namespace), ("pod", pod.Name), ("container", name));
                cpu.Add(new(labels.With(LabelSet.MetricName, "container_cpu_usage_seconds_total"), Math.Round(cluster.Usage.CpuSeconds(pod, name, now), 6)));
                memory.Add(new(labels.With(LabelSet.MetricName, "container_memory_working_set_bytes"), cluster.Usage.MemoryBytes(pod, name)));
            }
        }

        yield return new MetricFamily("container_cpu_usage_seconds_total", "counter", "Cumulative cpu time consumed in seconds.", cpu);
        yield return new MetricFamily("container_memory_working_set_bytes", "gauge", "Current working set in bytes.", memory);
    }
}
