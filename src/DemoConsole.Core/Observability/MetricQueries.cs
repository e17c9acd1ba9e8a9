using System.Collections.Frozen;
using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Observability;

/// <summary>
/// The named PromQL queries behind the Golden Signals, the service graph and the error panels, over Istio's standard
/// metrics and cAdvisor's container metrics (as Kiali and Istio's Grafana dashboards write them). Queries are data: a
/// scenario whose platform labels differently overrides any of them by name in its front matter
/// (<c>metrics: { queries: { latency.p95: "…" } }</c>). <c>$namespace</c> and <c>$rate</c> are filled in when a query runs.
/// </summary>
public static class MetricQueries
{
    public const string LatencyP50 = "latency.p50";
    public const string LatencyP95 = "latency.p95";
    public const string LatencyP99 = "latency.p99";
    public const string TrafficByService = "traffic.byService";
    public const string Errors4xxPercent = "errors.4xx.percent";
    public const string Errors5xxPercent = "errors.5xx.percent";
    public const string RequestsByCode = "errors.byCode";
    public const string CpuByPod = "saturation.cpuByPod";
    public const string MemoryByPod = "saturation.memoryByPod";
    public const string GraphRequests = "graph.requests";
    public const string GraphLatencyP95 = "graph.p95";
    public const string GraphTcp = "graph.tcp";

    private const string Requests = "istio_requests_total{reporter=\"destination\",destination_workload_namespace=\"$namespace\"";
    private const string Buckets = "istio_request_duration_milliseconds_bucket{reporter=\"destination\",destination_workload_namespace=\"$namespace\"}";
    private const string Containers = "{namespace=\"$namespace\",container!=\"\",container!=\"POD\"}";

    /// <summary>The built-in queries by name.</summary>
    public static IReadOnlyDictionary<string, string> Defaults { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [LatencyP50] = $"histogram_quantile(0.50, sum(rate({Buckets}[$rate])) by (le))",
        [LatencyP95] = $"histogram_quantile(0.95, sum(rate({Buckets}[$rate])) by (le))",
        [LatencyP99] = $"histogram_quantile(0.99, sum(rate({Buckets}[$rate])) by (le))",
        [TrafficByService] = $"sum(rate({Requests}}}[$rate])) by (destination_service_name)",
        // "or vector(0)": no 5xx series at all is 0 %, not "no data"; with no traffic at all the division stays empty.
        [Errors4xxPercent] = $"100 * (sum(rate({Requests},response_code=~\"4..\"}}[$rate])) or vector(0)) / sum(rate({Requests}}}[$rate]))",
        [Errors5xxPercent] = $"100 * (sum(rate({Requests},response_code=~\"5..\"}}[$rate])) or vector(0)) / sum(rate({Requests}}}[$rate]))",
        [RequestsByCode] = $"sum(rate({Requests}}}[$rate])) by (response_code)",
        // Percent of one core: the runbook reads "CPU 1-3%" off the same kind of panel.
        [CpuByPod] = $"100 * sum(rate(container_cpu_usage_seconds_total{Containers}[$rate])) by (pod)",
        [MemoryByPod] = $"sum(container_memory_working_set_bytes{Containers}) by (pod)",
        [GraphRequests] = $"sum(rate(istio_requests_total{{reporter=\"destination\",destination_workload_namespace=\"$namespace\"}}[$rate])) by (source_workload, destination_workload, response_code, connection_security_policy)",
        [GraphLatencyP95] = $"histogram_quantile(0.95, sum(rate({Buckets}[$rate])) by (le, source_workload, destination_workload))",
        // Data stores speak TCP and often have no sidecar: only the client's sidecar reports them, in bytes (as Kiali reads them).
        [GraphTcp] = "sum(rate(istio_tcp_sent_bytes_total{reporter=\"source\",source_workload_namespace=\"$namespace\"}[$rate])) by (source_workload, destination_workload, connection_security_policy)",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The query text with the placeholders filled in.</summary>
    public static string Render(string template, string applicationNamespace, TimeSpan rateWindow) =>
        template.Replace("$namespace", applicationNamespace, StringComparison.Ordinal)
            .Replace("$rate", $"{(int)Math.Max(1, rateWindow.TotalSeconds)}s", StringComparison.Ordinal);

    /// <summary>
    /// What can be told about a query without a Prometheus at hand (for <c>check</c>): empty text, unbalanced brackets or
    /// quotes. Null when it looks well-formed; Prometheus itself reports anything subtler on the panel.
    /// </summary>
    public static UiMessage? SyntaxProblem(string query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return new UiMessage("Metrics_QueryEmpty");
        }

        var stack = new Stack<char>();
        char? quote = null;
        for (var i = 0; i < query.Length; i++)
        {
            var c = query[i];
            if (quote is { } q)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == q)
                {
                    quote = null;
                }

                continue;
            }

            switch (c)
            {
                case '"' or '\'' or '`':
                    quote = c;
                    break;
                case '(' or '[' or '{':
                    stack.Push(c);
                    break;
                case ')' or ']' or '}':
                    var open = c switch { ')' => '(', ']' => '[', _ => '{' };
                    if (stack.Count == 0 || stack.Pop() != open)
                    {
                        return new UiMessage("Metrics_QueryUnexpected", c.ToString(), i + 1);
                    }

                    break;
            }
        }

        return quote is not null ? new UiMessage("Metrics_QueryQuoteOpen")
            : stack.Count > 0 ? new UiMessage("Metrics_QueryBracketOpen", stack.Peek().ToString())
            : null;
    }
}
