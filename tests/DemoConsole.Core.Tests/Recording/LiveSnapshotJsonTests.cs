using System.Globalization;
using System.Text.Json;
using DemoConsole.Core.Cluster;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Observability;
using DemoConsole.Core.Recording;
using DemoConsole.Core.Tests.Cluster;
using DemoConsole.Tests.Shared;

namespace DemoConsole.Core.Tests.Recording;

/// <summary>
/// The live snapshots replicas share through Redis (and recordings keep) come back from <see cref="RecordingJson"/>
/// as they were: written again they give the same JSON (nothing dropped or defaulted on the way), and what the screens
/// read from them (computed properties, messages in both languages) is the same.
/// </summary>
public sealed class LiveSnapshotJsonTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko-KR");
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-03-04T10:00:00+09:00", CultureInfo.InvariantCulture);

    [Fact]
    public async Task ClusterViewsSnapshot_OfTheSeededSandbox_RoundTrips()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        await using var views = sandbox.Views();
        var read = await AsyncWait.ForAsync(views.WatchAsync, s => s.Synced && s.Pods.Count > 10 && s.AlertRules.Count > 0 && s.Applications.Count > 0
            && s.NetworkPolicies.Count > 0 && s.Autoscalers.Count > 0 && s.PeerAuthentications.Count > 0, "the views to sync", TimeSpan.FromSeconds(60));
        // And what only a troubled cluster shows: a lost link and an unreadable view, in words.
        var snapshot = read with
        {
            Connection = new ConnectionStatus(ConnectionState.Reconnecting, new UiMessage("Cluster_NotReachable", "pods", "connection refused"), At),
            Problems = [new UiMessage("Cluster_NotServed", "peerauthentications.security.istio.io")],
        };

        var back = RoundTrip(snapshot);
        output.WriteLine($"the seeded sandbox's views as JSON: {JsonSerializer.SerializeToUtf8Bytes(snapshot, RecordingJson.Options).Length} bytes, {snapshot.Pods.Count} pods");

        Assert.Equal(snapshot.Pods.Select(p => (p.Name, p.Ready, p.HasSidecar, p.IsRunningAndReady, p.Owner)), back.Pods.Select(p => (p.Name, p.Ready, p.HasSidecar, p.IsRunningAndReady, p.Owner)));
        Assert.Equal(snapshot.ReplicaCheck.Detail.Format(Korean), back.ReplicaCheck.Detail.Format(Korean));
        Assert.Equal(snapshot.SidecarCheck.Detail.Format(Korean), back.SidecarCheck.Detail.Format(Korean));
        Assert.Equal(snapshot.NetworkPolicies.SelectMany(n => n.Ingress).Select(m => m.Format(Korean)), back.NetworkPolicies.SelectMany(n => n.Ingress).Select(m => m.Format(Korean)));
        Assert.Equal(snapshot.AlertRules.Select(a => (a.Alert, a.Threshold, a.ThresholdText)), back.AlertRules.Select(a => (a.Alert, a.Threshold, a.ThresholdText)));
        Assert.Equal(snapshot.Connection.Problem!.Format(Korean), back.Connection.Problem!.Format(Korean));
        Assert.True(back.Synced);
        Assert.Equal("titanium-prod", back.ApplicationNamespace);
    }

    [Fact]
    public void GoldenSignalsSnapshot_WithSeriesGapsAndRefusedQueries_RoundTrips()
    {
        var snapshot = new GoldenSignalsSnapshot
        {
            Health = new MetricsHealth(MetricsState.Down, new UiMessage("Verbatim", "Prometheus did not answer in 5 s"), At.AddSeconds(-30)),
            Window = TimeSpan.FromMinutes(15),
            From = At.AddMinutes(-15),
            To = At,
            P50 = new SignalValue(41.5, SignalLevel.Normal),
            P95 = new SignalValue(612.25, SignalLevel.Caution),
            P99 = SignalValue.None,
            TotalRps = 187.4,
            RpsByService = [new LabelledValue("blog-service", 120.1), new LabelledValue("user-service", 67.3, SignalLevel.Caution)],
            Errors4xx = new SignalValue(0.8, SignalLevel.Normal),
            Errors5xx = new SignalValue(6.2, SignalLevel.Danger),
            RequestsByCode = [new LabelledValue("200", 180.2), new LabelledValue("503", 7.2, SignalLevel.Danger)],
            CpuMax = new SignalValue(93.7, SignalLevel.Danger),
            CpuByPod = [new LabelledValue("prod-blog-service-7d9f-abcde", 93.7, SignalLevel.Danger)],
            MemoryByPod = [new LabelledValue("prod-blog-service-7d9f-abcde", 312_000_000)],
            Series = new Dictionary<string, IReadOnlyList<MetricSeries>>
            {
                [MetricQueries.LatencyP95] = [new MetricSeries(new Dictionary<string, string> { ["destination_workload"] = "blog-service" },
                    // histogram_quantile with no samples gives NaN; Prometheus sends +Inf for the top bucket.
                    [new MetricPoint(At.AddMinutes(-2), 610.5), new MetricPoint(At.AddMinutes(-1), double.NaN), new MetricPoint(At, double.PositiveInfinity)])],
            },
            QueryProblems = new Dictionary<string, UiMessage> { [MetricQueries.CpuByPod] = new("Verbatim", "parse error at char 12") },
            Version = 42,
        };

        var back = RoundTrip(snapshot);

        Assert.Equal(TimeSpan.FromMinutes(15), back.Window);
        Assert.True(back.Health.IsDown);
        var points = back.Series[MetricQueries.LatencyP95][0].Points;
        Assert.True(double.IsNaN(points[1].Value));
        Assert.Equal(double.PositiveInfinity, points[2].Value);
        Assert.Equal("blog-service", back.Series[MetricQueries.LatencyP95][0].Label("destination_workload"));
        Assert.Equal(snapshot.RpsByService, back.RpsByService);
        Assert.Equal("parse error at char 12", back.QueryProblems[MetricQueries.CpuByPod].Format(Korean));
    }

    [Fact]
    public void ServiceGraphSnapshot_WithHttpAndTcpEdges_RoundTrips()
    {
        var snapshot = new ServiceGraphSnapshot
        {
            Health = new MetricsHealth(MetricsState.Up, null, At),
            Nodes = [new GraphNode("istio-ingressgateway", GraphLayer.Ingress), new GraphNode("prod-api-gateway", GraphLayer.Gateway),
                new GraphNode("blog-service", GraphLayer.Service), new GraphNode("prod-redis", GraphLayer.Data)],
            Edges = [new GraphEdge("prod-api-gateway", "blog-service", 120.5, 4.2, 88.1, true, SignalLevel.Caution),
                new GraphEdge("blog-service", "prod-redis", 0, 0, null, false, SignalLevel.Normal) { TcpBytesPerSecond = 20_480 }],
            QueryProblem = new UiMessage("Verbatim", "unknown metric istio_tcp_sent_bytes_total"),
            UpdatedAt = At,
            Version = 7,
        };

        var back = RoundTrip(snapshot);

        Assert.Equal(snapshot.Nodes, back.Nodes);
        Assert.Equal(snapshot.Edges, back.Edges);
        Assert.Equal(20_480, back.Edges[1].TcpBytesPerSecond);
        Assert.Equal(snapshot.QueryProblem, back.QueryProblem);
    }

    [Fact]
    public void AlertsSnapshot_WithPendingRuleAndFiringAlerts_RoundTrips()
    {
        var labels = new Dictionary<string, string> { ["alertname"] = "HighErrorRate", ["severity"] = "critical" };
        var annotations = new Dictionary<string, string> { ["summary"] = "5xx 비율이 5%를 넘었습니다" };
        var snapshot = new AlertsSnapshot
        {
            Health = new MetricsHealth(MetricsState.Up, null, At),
            Rules = [new AlertingRuleState("titanium-alerts", "HighErrorRate", "sum(rate(istio_requests_total{response_code=~\"5..\"}[1m])) > 0.05",
                TimeSpan.FromMinutes(1), "firing", "ok", null, labels, annotations,
                [new PrometheusAlert(labels, annotations, "firing", At.AddMinutes(-2), 0.083)])],
            AlertmanagerAlerts = [new AlertmanagerAlert("3f2a9c", labels, annotations, "active", At.AddMinutes(-1), null)],
            AlertmanagerProblem = null,
            Firing = [new FiringAlert("HighErrorRate", "5xx 비율이 5%를 넘었습니다", "critical", At.AddMinutes(-2), 0.083)],
            UpdatedAt = At,
            Version = 3,
        };

        var back = RoundTrip(snapshot);

        Assert.Equal(snapshot.Firing, back.Firing);
        Assert.Equal("HighErrorRate", back.Rules[0].Alerts[0].Name);
        Assert.Equal(TimeSpan.FromMinutes(1), back.Rules[0].For);
        Assert.Equal("5xx 비율이 5%를 넘었습니다", back.AlertmanagerAlerts[0].Annotations["summary"]);
    }

    /// <summary>Serialized, read back, and serialized again to the very same JSON.</summary>
    private static T RoundTrip<T>(T snapshot)
    {
        var json = JsonSerializer.Serialize(snapshot, RecordingJson.Options);
        var back = JsonSerializer.Deserialize<T>(json, RecordingJson.Options)!;
        Assert.Equal(json, JsonSerializer.Serialize(back, RecordingJson.Options));
        return back;
    }
}
