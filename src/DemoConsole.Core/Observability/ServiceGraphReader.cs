using System.Text.RegularExpressions;

namespace DemoConsole.Core.Observability;

/// <summary>
/// One round of the service graph: request rates by source, destination, response code and security policy, and P95 by
/// edge, as Kiali reads them (destination-reported, so each hop counts once).
/// </summary>
public static partial class ServiceGraphReader
{
    public static async Task<ServiceGraphSnapshot> ReadAsync(
        IMetricsClient client, ScenarioMetrics metrics, string applicationNamespace, ServiceGraphSnapshot previous, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var requestsCall = client.QueryAsync(MetricQueries.Render(metrics.Template(MetricQueries.GraphRequests), applicationNamespace, metrics.RateWindow), now, cancellationToken);
        var latencyCall = client.QueryAsync(MetricQueries.Render(metrics.Template(MetricQueries.GraphLatencyP95), applicationNamespace, metrics.RateWindow), now, cancellationToken);
        var tcpCall = client.QueryAsync(MetricQueries.Render(metrics.Template(MetricQueries.GraphTcp), applicationNamespace, metrics.RateWindow), now, cancellationToken);
        var requests = await requestsCall;
        var latency = await latencyCall;
        var tcp = await tcpCall;
        var health = MetricsHealth.After([requests.Error, latency.Error, tcp.Error], previous.Health, now);
        if (health.IsDown)
        {
            return previous with { Health = health, Version = previous.Version + 1 };
        }

        var p95 = latency.Succeeded
            ? latency.Value.Where(s => double.IsFinite(s.Point.Value))
                .GroupBy(s => (s.Label("source_workload"), s.Label("destination_workload")))
                .ToDictionary(g => g.Key, g => g.Max(s => s.Point.Value))
            : [];
        var edges = (requests.Value ?? [])
            .Where(s => s.Label("destination_workload").Length > 0)
            .GroupBy(s => (Source: Workload(s.Label("source_workload")), Target: s.Label("destination_workload")))
            .Select(g =>
            {
                var rps = g.Sum(s => Finite(s.Point.Value));
                var errors = g.Where(s => s.Label("response_code").StartsWith('5')).Sum(s => Finite(s.Point.Value));
                var errorPercent = rps > 0 ? 100 * errors / rps : 0;
                var latencyMs = p95.TryGetValue((g.Key.Source, g.Key.Target), out var ms) ? ms
                    : p95.TryGetValue((g.First().Label("source_workload"), g.Key.Target), out var raw) ? raw : (double?)null;
                return new GraphEdge(g.Key.Source, g.Key.Target, rps, errorPercent, latencyMs,
                    g.All(s => s.Label("connection_security_policy") == "mutual_tls"),
                    errors > 0 ? metrics.Thresholds.Errors5xx.Judge(errorPercent) : SignalLevel.Normal);
            })
            .Concat(TcpEdges(tcp.Value ?? []))
            .OrderBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Target, StringComparer.Ordinal)
            .ToList();
        var nodes = edges.SelectMany(e => new[] { e.Source, e.Target }).Distinct(StringComparer.Ordinal)
            .Select(id => new GraphNode(id, LayerOf(id)))
            .OrderBy(n => n.Layer).ThenBy(n => n.Id, StringComparer.Ordinal)
            .ToList();
        return new ServiceGraphSnapshot
        {
            Health = health,
            Nodes = nodes,
            Edges = edges,
            QueryProblem = requests.Error?.Message ?? latency.Error?.Message ?? tcp.Error?.Message,
            UpdatedAt = now,
            Version = previous.Version + 1,
        };
    }

    /// <summary>
    /// The column a workload belongs in, by the names platforms give them: the mesh's ingress first, then API gateways,
    /// then data stores last; everything else is a service.
    /// </summary>
    public static GraphLayer LayerOf(string workload) =>
        workload is "unknown" || workload.Contains("ingress", StringComparison.OrdinalIgnoreCase) ? GraphLayer.Ingress
        : DataStore().IsMatch(workload) ? GraphLayer.Data
        : workload.Contains("gateway", StringComparison.OrdinalIgnoreCase) ? GraphLayer.Gateway
        : GraphLayer.Service;

    private static IEnumerable<GraphEdge> TcpEdges(IEnumerable<MetricSample> samples) =>
        samples.Where(s => s.Label("destination_workload") is { Length: > 0 } and not "unknown")
            .GroupBy(s => (Source: Workload(s.Label("source_workload")), Target: s.Label("destination_workload")))
            .Select(g => new GraphEdge(g.Key.Source, g.Key.Target, 0, 0, null, g.All(s => s.Label("connection_security_policy") == "mutual_tls"), SignalLevel.Normal)
            {
                TcpBytesPerSecond = g.Sum(s => Finite(s.Point.Value)),
            });

    // Requests from outside the mesh are reported with source_workload "unknown": they enter through the ingress.
    private static string Workload(string source) => source.Length == 0 ? "unknown" : source;

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;

    [GeneratedRegex("postgres|redis|mysql|mariadb|mongo|database|-db(-|$)|cache|kafka|rabbit", RegexOptions.IgnoreCase)]
    private static partial Regex DataStore();
}
