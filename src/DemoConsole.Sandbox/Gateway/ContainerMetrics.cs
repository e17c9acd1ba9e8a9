using System.Globalization;
using System.Text;
using DemoConsole.Sandbox.Api.Tables;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Gateway;

/// <summary>cAdvisor-style container_cpu_usage_seconds_total and container_memory_working_set_bytes for running pods.</summary>
internal sealed class ContainerMetrics(Cluster cluster)
{
    public void WriteTo(StringBuilder output)
    {
        var cpu = new StringBuilder("# HELP container_cpu_usage_seconds_total Cumulative cpu time consumed.\n# TYPE container_cpu_usage_seconds_total counter\n");
        var memory = new StringBuilder("# HELP container_memory_working_set_bytes Current working set.\n# TYPE container_memory_working_set_bytes gauge\n");
        var now = cluster.Now;
        foreach (var pod in cluster.Store.List(ResourceTypes.Pods, null).Items.Where(p => Cells.Text(p.Node["status"]?["phase"]) == "Running"))
        {
            foreach (var container in PodStatus.Containers(pod.Node))
            {
                var name = Cells.Text(container["name"]);
                var labels = $"namespace=\"{pod.Namespace}\",pod=\"{pod.Name}\",container=\"{name}\"";
                cpu.Append("container_cpu_usage_seconds_total{").Append(labels).Append("} ")
                    .Append(cluster.Usage.CpuSeconds(pod, name, now).ToString("0.######", CultureInfo.InvariantCulture)).Append('\n');
                memory.Append("container_memory_working_set_bytes{").Append(labels).Append("} ")
                    .Append(cluster.Usage.MemoryBytes(pod, name).ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        output.Append(cpu).Append(memory);
    }
}
