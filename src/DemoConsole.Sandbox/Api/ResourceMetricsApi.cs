using System.Globalization;
using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Api.Tables;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Prometheus;
using DemoConsole.Sandbox.Prometheus.PromQl;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Api;

/// <summary>
/// The resource metrics API (metrics.k8s.io/v1beta1, metrics-server's) for <c>kubectl top pods</c>: per-container CPU
/// as the rate of container_cpu_usage_seconds_total over a 1-minute window (time-scaled) and the working set, from
/// the Prometheus twin's samples, so top, the Golden Signals' saturation and the HPA's inputs tell the same story.
/// </summary>
internal sealed class ResourceMetricsApi(Cluster cluster)
{
    public const string Group = "metrics.k8s.io";
    public const string Version = "v1beta1";
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>The twin whose samples are read; set once it exists (it starts after the API server).</summary>
    public PrometheusTwin? Twin { get; set; }

    public static JsonObject ResourceList() => new()
    {
        ["kind"] = "APIResourceList",
        ["apiVersion"] = "v1",
        ["groupVersion"] = $"{Group}/{Version}",
        ["resources"] = new JsonArray(Resource("pods", "PodMetrics", true), Resource("nodes", "NodeMetrics", false)),
    };

    public Task HandleAsync(HttpContext context, string? rest)
    {
        var segments = (rest ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || segments[0] != Version || context.Request.Method != "GET")
        {
            return segments.Length == 1 && segments[0] == Version ? JsonOutput.WriteAsync(context, ResourceList()) : NotFoundAsync(context);
        }

        return segments[1..] switch
        {
            ["pods"] => JsonOutput.WriteAsync(context, PodList(null, null)),
            ["namespaces", var ns, "pods"] => JsonOutput.WriteAsync(context, PodList(ns, null)),
            ["namespaces", var ns, "pods", var name] => PodList(ns, name)["items"]!.AsArray() is { Count: 1 } one
                ? JsonOutput.WriteAsync(context, one[0]!.DeepClone())
                : StatusWriter.WriteAsync(context, new ApiException(404, "NotFound", $"podmetrics.metrics.k8s.io \"{name}\" not found", "pods", name)),
            ["nodes"] => JsonOutput.WriteAsync(context, NodeList()),
            ["nodes", var name] => NodeList()["items"]!.AsArray().FirstOrDefault(n => (string?)n!["metadata"]!["name"] == name) is { } node
                ? JsonOutput.WriteAsync(context, node.DeepClone())
                : StatusWriter.WriteAsync(context, new ApiException(404, "NotFound", $"nodemetrics.metrics.k8s.io \"{name}\" not found", "nodes", name)),
            _ => NotFoundAsync(context),
        };
    }

    private JsonObject PodList(string? ns, string? name)
    {
        var usage = Usage();
        var items = new JsonArray();
        foreach (var pod in cluster.Store.List(ResourceTypes.Pods, ns).Items.Where(p => name is null || p.Name == name))
        {
            var containers = new JsonArray();
            foreach (var container in PodStatus.Containers(pod.Node).Select(c => Cells.Text(c["name"])))
            {
                if (usage.TryGetValue((pod.Namespace, pod.Name, container), out var u))
                {
                    containers.Add(new JsonObject { ["name"] = container, ["usage"] = Quantities(u.Cpu, u.Memory) });
                }
            }

            // metrics-server leaves out pods it has no samples for yet (just started, or not running).
            if (containers.Count > 0)
            {
                items.Add(new JsonObject
                {
                    ["metadata"] = new JsonObject
                    {
                        ["name"] = pod.Name,
                        ["namespace"] = pod.Namespace,
                        ["creationTimestamp"] = Rfc3339.Format(cluster.Now),
                        ["labels"] = pod.Metadata["labels"]?.DeepClone(),
                    },
                    ["timestamp"] = Rfc3339.Format(cluster.Now),
                    ["window"] = Durations.Format(cluster.Scaled(Window)),
                    ["containers"] = containers,
                });
            }
        }

        return new JsonObject { ["kind"] = "PodMetricsList", ["apiVersion"] = $"{Group}/{Version}", ["metadata"] = new JsonObject(), ["items"] = items };
    }

    private JsonObject NodeList()
    {
        var byNode = new Dictionary<string, (double Cpu, double Memory)>(StringComparer.Ordinal);
        var usage = Usage();
        foreach (var pod in cluster.Store.List(ResourceTypes.Pods, null).Items)
        {
            var node = Cells.Text(pod.Node["spec"]?["nodeName"]);
            foreach (var (key, u) in usage.Where(kv => kv.Key.Namespace == pod.Namespace && kv.Key.Pod == pod.Name))
            {
                var sum = byNode.GetValueOrDefault(node);
                byNode[node] = (sum.Cpu + u.Cpu, sum.Memory + u.Memory);
            }
        }

        var items = new JsonArray(byNode.Where(kv => kv.Key.Length > 0).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (JsonNode)new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = kv.Key, ["creationTimestamp"] = Rfc3339.Format(cluster.Now) },
            ["timestamp"] = Rfc3339.Format(cluster.Now),
            ["window"] = Durations.Format(cluster.Scaled(Window)),
            ["usage"] = Quantities(kv.Value.Cpu, kv.Value.Memory),
        }).ToArray());
        return new JsonObject { ["kind"] = "NodeMetricsList", ["apiVersion"] = $"{Group}/{Version}", ["metadata"] = new JsonObject(), ["items"] = items };
    }

    private Dictionary<(string Namespace, string Pod, string Container), (double Cpu, double Memory)> Usage()
    {
        var result = new Dictionary<(string, string, string), (double Cpu, double Memory)>();
        if (Twin is null)
        {
            return result;
        }

        var evaluator = new Evaluator(Twin.Store, cluster.TimeScale == 0 ? 1 : cluster.TimeScale);
        var now = cluster.Now.ToUnixTimeMilliseconds();
        var cpu = evaluator.Instant(Parser.Parse("rate(container_cpu_usage_seconds_total[1m])"), now).Vector!;
        var memory = evaluator.Instant(Parser.Parse("container_memory_working_set_bytes"), now).Vector!
            .ToDictionary(s => (s.Labels.Get("namespace"), s.Labels.Get("pod"), s.Labels.Get("container")), s => s.Value);
        foreach (var sample in cpu)
        {
            var key = (sample.Labels.Get("namespace"), sample.Labels.Get("pod"), sample.Labels.Get("container"));
            if (memory.TryGetValue(key, out var bytes))
            {
                result[key] = (sample.Value, bytes);
            }
        }

        return result;
    }

    // metrics-server's formats: CPU in nanocores ("1234567n"), memory in Ki.
    private static JsonObject Quantities(double cores, double bytes) => new()
    {
        ["cpu"] = ((long)Math.Round(cores * 1e9)).ToString(CultureInfo.InvariantCulture) + "n",
        ["memory"] = ((long)Math.Round(bytes / 1024)).ToString(CultureInfo.InvariantCulture) + "Ki",
    };

    private static JsonObject Resource(string name, string kind, bool namespaced) => new()
    {
        ["name"] = name,
        ["singularName"] = "",
        ["namespaced"] = namespaced,
        ["kind"] = kind,
        ["verbs"] = new JsonArray("get", "list"),
    };

    private static Task NotFoundAsync(HttpContext context) =>
        StatusWriter.WriteAsync(context, new ApiException(404, "NotFound", "the server could not find the requested resource"));
}
