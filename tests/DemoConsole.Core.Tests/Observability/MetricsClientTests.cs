using DemoConsole.Core.Observability;
using DemoConsole.Tests.Shared;

namespace DemoConsole.Core.Tests.Observability;

/// <summary>The metrics client against Debian's real Prometheus and Alertmanager, scraping the sandbox's gateway.</summary>
public sealed class MetricsClientTests(RealPrometheusFixture real) : IClassFixture<RealPrometheusFixture>
{
    [Fact]
    public async Task QueryAsync_AfterRequestsThroughTheGateway_CountsThemPerResponseCode()
    {
        var client = real.Client();
        await real.SendAsync("/blog/", 5);
        await real.SendAsync("/nonexistent-endpoint", 3);

        await AsyncWait.UntilAsync(async () =>
        {
            var result = await client.QueryAsync("sum(istio_requests_total{destination_workload_namespace=\"titanium-prod\"}) by (response_code)");
            return result.Succeeded && result.Value.Any(s => s.Label("response_code") == "404" && s.Point.Value >= 3)
                && result.Value.Any(s => s.Label("response_code") == "200" && s.Point.Value >= 5);
        }, "the gateway's requests in Prometheus");
    }

    [Fact]
    public async Task QueryRangeAsync_AfterTraffic_ReturnsAMatrixWithPoints()
    {
        var client = real.Client();
        await real.SendAsync("/blog/", 3);

        await AsyncWait.UntilAsync(async () =>
        {
            var now = DateTimeOffset.UtcNow;
            var result = await client.QueryRangeAsync("sum(istio_requests_total)", now.AddMinutes(-1), now, TimeSpan.FromSeconds(1));
            return result.Succeeded && result.Value.Count == 1 && result.Value[0].Points.Count >= 2 && result.Value[0].Points[^1].Value >= 3;
        }, "a range of the request counter");
    }

    [Fact]
    public async Task GoldenSignalsReader_DefaultQueriesOverRealPrometheus_GiveLatencyTrafficAndErrors()
    {
        var client = real.Client();
        GoldenSignalsSnapshot? snapshot = null;
        await AsyncWait.UntilAsync(async () =>
        {
            await real.SendAsync("/blog/", 5);
            await real.SendAsync("/nonexistent-endpoint", 1);
            snapshot = await GoldenSignalsReader.ReadAsync(client, ScenarioMetrics.Default, "titanium-prod", TimeSpan.FromMinutes(5), new GoldenSignalsSnapshot(), DateTimeOffset.UtcNow, CancellationToken.None);
            return snapshot.TotalRps > 0 && snapshot.P95.Value is not null && snapshot.Errors4xx.Value > 0;
        }, "golden signals from the real Prometheus");

        Assert.Equal(MetricsState.Up, snapshot!.Health.State);
        Assert.Empty(snapshot.QueryProblems);
        Assert.Equal(0, snapshot.Errors5xx.Value);
        Assert.Equal(SignalLevel.Normal, snapshot.Errors5xx.Level);
        Assert.Contains(snapshot.RequestsByCode, c => c.Label == "404");
        Assert.NotEmpty(snapshot.Series[MetricQueries.LatencyP95]);
    }

    [Fact]
    public async Task QueryAsync_InvalidPromQL_ReturnsPrometheusOwnParseError()
    {
        var result = await real.Client().QueryAsync("sum(rate(istio_requests_total[5m]");

        Assert.False(result.Succeeded);
        Assert.Equal(MetricsErrorKind.BadQuery, result.Error.Kind);
        Assert.Contains("bad_data", result.Error.Message?.ToString(), StringComparison.Ordinal);
        Assert.Contains("parse error", result.Error.Message?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_ZeroDividedByZero_ReturnsNaNNotAnError()
    {
        var result = await real.Client().QueryAsync("0/0");

        Assert.True(result.Succeeded);
        Assert.True(double.IsNaN(Assert.Single(result.Value).Point.Value));
    }

    [Fact]
    public async Task AlertingRulesAsync_RuleThatAlwaysFires_IsFiringWithItsExpressionAndInAlertmanager()
    {
        var client = real.Client();
        await AsyncWait.UntilAsync(async () =>
        {
            var rules = await client.AlertingRulesAsync();
            return rules.Succeeded && rules.Value.Any(r => r.Name == "AlwaysFiring" && r.State == "firing");
        }, "AlwaysFiring firing");

        var all = (await client.AlertingRulesAsync()).Value!;
        var high = Assert.Single(all, r => r.Name == "HighErrorRate");
        Assert.Equal(TimeSpan.FromMinutes(1), high.For);
        Assert.Contains("> 0.05", high.Query, StringComparison.Ordinal);
        var firing = Assert.Single(all, r => r.Name == "AlwaysFiring").Alerts.Single();
        Assert.Equal(1, firing.Value);
        Assert.NotNull(firing.ActiveAt);
        Assert.Contains((await client.AlertsAsync()).Value!, a => a.Name == "AlwaysFiring");

        await AsyncWait.UntilAsync(async () =>
        {
            var active = await client.AlertmanagerAlertsAsync();
            return active.Succeeded && active.Value.Any(a => a.Name == "AlwaysFiring" && a.State == "active");
        }, "AlwaysFiring in Alertmanager");
    }

    [Fact]
    public async Task ServiceGraphReader_TrafficThroughTheGateway_GivesAnIngressEdgeWithMutualTls()
    {
        var client = real.Client();
        ServiceGraphSnapshot? graph = null;
        await AsyncWait.UntilAsync(async () =>
        {
            await real.SendAsync("/blog/", 5);
            graph = await ServiceGraphReader.ReadAsync(client, ScenarioMetrics.Default, "titanium-prod", new ServiceGraphSnapshot(), DateTimeOffset.UtcNow, CancellationToken.None);
            return graph.Edges.Any(e => e.Rps > 0 && e.P95 is not null);
        }, "an edge with traffic");

        var edge = graph!.Edges.First(e => e.Rps > 0);
        Assert.Equal("istio-ingressgateway", edge.Source);
        Assert.True(edge.MutualTls);
        Assert.Equal(GraphLayer.Ingress, graph.Nodes.Single(n => n.Id == "istio-ingressgateway").Layer);
        Assert.Null(graph.QueryProblem);
    }

    [Fact]
    public async Task ServiceGraphReader_BlogTraffic_DrawsEveryHopDownToTheDataStoresWithoutALockThere()
    {
        var client = real.Client();
        ServiceGraphSnapshot? graph = null;
        await AsyncWait.UntilAsync(async () =>
        {
            await real.SendAsync("/blog/", 5);
            graph = await ServiceGraphReader.ReadAsync(client, ScenarioMetrics.Default, "titanium-prod", new ServiceGraphSnapshot(), DateTimeOffset.UtcNow, CancellationToken.None);
            return graph.Edges.Any(e => e.TcpBytesPerSecond > 0) && graph.Edges.Any(e => e.Source == "prod-api-gateway-deployment" && e.Rps > 0);
        }, "the api-gateway hop and a data-store edge");

        var toBlog = graph!.Edges.Single(e => e.Source == "prod-api-gateway-deployment" && e.Target == "prod-blog-service-deployment");
        var toDatabase = graph.Edges.Single(e => e.Source == "prod-blog-service-deployment" && e.Target == "postgresql");
        Assert.True(toBlog.MutualTls);
        Assert.False(toDatabase.MutualTls);
        Assert.Equal(GraphLayer.Data, graph.Nodes.Single(n => n.Id == "postgresql").Layer);
        Assert.Equal(GraphLayer.Gateway, graph.Nodes.Single(n => n.Id == "prod-api-gateway-deployment").Layer);
    }

    [Fact]
    public async Task AlertsReader_RealPrometheusAndAlertmanager_ListsRulesAndTheFiringAlert()
    {
        var client = real.Client();
        AlertsSnapshot? alerts = null;
        await AsyncWait.UntilAsync(async () =>
        {
            alerts = await AlertsReader.ReadAsync(client, new AlertsSnapshot(), DateTimeOffset.UtcNow, CancellationToken.None);
            return alerts.Firing.Any(a => a.Name == "AlwaysFiring") && alerts.AlertmanagerAlerts.Any(a => a.Name == "AlwaysFiring");
        }, "AlwaysFiring in the alerts snapshot");

        Assert.Equal(["AlwaysFiring", "HighErrorRate"], alerts!.Rules.Select(r => r.Name).Order());
        Assert.Equal("warning", alerts.Firing.Single().Severity);
        Assert.Null(alerts.AlertmanagerProblem);
    }

    [Fact]
    public async Task AlertmanagerAlertsAsync_NoAlertmanagerConfigured_SaysSo()
    {
        var result = await real.Client(withAlertmanager: false).AlertmanagerAlertsAsync();

        Assert.Equal(MetricsErrorKind.NotConfigured, result.Error!.Kind);
    }
}
