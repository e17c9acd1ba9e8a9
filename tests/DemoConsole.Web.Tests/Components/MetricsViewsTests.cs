using Bunit;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Observability;
using DemoConsole.Core.Scenarios;
using DemoConsole.Web.Components.Controls;
using DemoConsole.Web.Components.Panels.Metrics;

namespace DemoConsole.Web.Tests.Components;

public class MetricsViewsTests : ConsoleComponentTest
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-03-04T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private static ViewDefinition View(string kind, params (string Key, string Value)[] parameters) =>
        new("v", kind, "View", 3, parameters.ToDictionary(p => p.Key, p => p.Value), 1);

    private static MetricSeries Series(string label, string value, params double[] points) =>
        new(new Dictionary<string, string> { [label] = value }, points.Select((p, i) => new MetricPoint(Now.AddSeconds(-15 * (points.Length - 1 - i)), p)).ToList());

    private static GoldenSignalsSnapshot Signals() => new()
    {
        Health = new MetricsHealth(MetricsState.Up, null, Now),
        Window = TimeSpan.FromMinutes(15),
        From = Now.AddMinutes(-15),
        To = Now,
        P50 = new SignalValue(8.4, SignalLevel.Normal),
        P95 = new SignalValue(19.2, SignalLevel.Normal),
        P99 = new SignalValue(48, SignalLevel.Normal),
        TotalRps = 12.5,
        RpsByService = [new LabelledValue("prod-blog-service", 12.5)],
        Errors4xx = new SignalValue(3.2, SignalLevel.Normal),
        Errors5xx = new SignalValue(2.5, SignalLevel.Danger),
        RequestsByCode = [new LabelledValue("200", 700), new LabelledValue("404", 20)],
        CpuMax = new SignalValue(2.1, SignalLevel.Normal),
        CpuByPod = [new LabelledValue("blog-a", 2.1)],
        Series = new Dictionary<string, IReadOnlyList<MetricSeries>>
        {
            [MetricQueries.LatencyP95] = [Series("x", "y", 18, 19, double.NaN, 19.2)],
            [MetricQueries.TrafficByService] = [Series("destination_service_name", "prod-blog-service", 10, 12.5)],
        },
        QueryProblems = new Dictionary<string, UiMessage> { [MetricQueries.CpuByPod] = new UiMessage("Metrics_QueryRefused", "bad_data", "parse error") },
        Version = 1,
    };

    [Fact]
    public void GoldenSignals_Snapshot_ShowsTilesColouredByThresholdAndTheBadQueryOnItsChart()
    {
        var cut = Render<GoldenSignalsView>(p => p.Add(x => x.View, View(ViewKinds.GoldenSignals)));
        Metrics.Publish(Signals());

        cut.WaitForAssertion(() => Assert.Equal("19 ms", cut.Find("[data-testid=tile-latency-value]").TextContent));
        Assert.Equal("13 req/s", cut.Find("[data-testid=tile-traffic-value]").TextContent);
        Assert.Equal("danger", cut.Find("[data-testid=tile-errors]").GetAttribute("data-level"));
        Assert.Contains("404: 20", cut.Find("[data-testid=tile-errors]").TextContent);
        Assert.Contains("parse error", cut.Find("[data-testid=chart-cpu] [data-testid=chart-problem]").TextContent);
        Assert.NotEmpty(cut.FindAll("[data-testid=chart-latency] svg"));
    }

    [Fact]
    public void GoldenSignals_ActionRunInTheWindow_IsMarkedOnTheCharts()
    {
        var cut = Render<GoldenSignalsView>(p => p.Add(x => x.View, View(ViewKinds.GoldenSignals)));
        var now = DateTimeOffset.UtcNow;
        Metrics.Publish(Signals() with { From = now.AddMinutes(-15), To = now.AddMinutes(1), Series = new Dictionary<string, IReadOnlyList<MetricSeries>>
        {
            [MetricQueries.TrafficByService] = [new(new Dictionary<string, string> { ["destination_service_name"] = "prod-blog-service" }, [new(now.AddMinutes(-1), 1), new(now, 3)])],
        } });

        Assert.True(Executor.Start(Alice, "burst").Started);

        cut.WaitForAssertion(() => Assert.Contains("burst", cut.Find("[data-testid=run-markers]").TextContent));
    }

    [Fact]
    public void GoldenSignals_NoTraffic_SaysNoTrafficInsteadOfZero()
    {
        var cut = Render<GoldenSignalsView>(p => p.Add(x => x.View, View(ViewKinds.GoldenSignals)));
        Metrics.Publish(new GoldenSignalsSnapshot { Health = new MetricsHealth(MetricsState.Up, null, Now), From = Now.AddMinutes(-15), To = Now, Version = 1 });

        cut.WaitForAssertion(() => Assert.Equal("no traffic", cut.Find("[data-testid=tile-latency-value]").TextContent));
        Assert.Equal("nodata", cut.Find("[data-testid=tile-latency]").GetAttribute("data-level"));
        Assert.DoesNotContain("NaN", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("0 ms", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void GoldenSignals_PrometheusDown_KeepsTheLastValuesUnderAOneLineNotice()
    {
        UseLanguage("ko");
        var cut = Render<GoldenSignalsView>(p => p.Add(x => x.View, View(ViewKinds.GoldenSignals)));
        Metrics.Publish(Signals() with { Health = new MetricsHealth(MetricsState.Down, UiMessage.Verbatim("Prometheus at http://prom:9090/ is not reachable"), Now) });

        cut.WaitForAssertion(() => Assert.Contains("연결 끊김", cut.Find("[data-testid=metrics-down]").TextContent));
        Assert.Equal("19 ms", cut.Find("[data-testid=tile-latency-value]").TextContent);
    }

    [Fact]
    public void GoldenSignals_PresenterPicksAnotherWindow_FollowsThatWindow()
    {
        var cut = Render<GoldenSignalsView>(p => p.Add(x => x.View, View(ViewKinds.GoldenSignals, ("window", "5m"))));
        cut.WaitForAssertion(() => Assert.Equal([TimeSpan.FromMinutes(5)], Metrics.WindowsAsked));

        cut.Find("[data-testid=window-60m]").Click();

        cut.WaitForAssertion(() => Assert.Equal(TimeSpan.FromMinutes(60), Metrics.WindowsAsked[^1]));
        Assert.Equal("60", cut.Find("[data-testid=golden-signals]").GetAttribute("data-window"));
    }

    [Fact]
    public void ServiceGraph_Edges_ShowRateErrorsLatencyAndALockOnlyOnMutualTls()
    {
        var cut = Render<ServiceGraphView>(p => p.Add(x => x.View, View(ViewKinds.ServiceGraph)));
        Metrics.Publish(new ServiceGraphSnapshot
        {
            Health = new MetricsHealth(MetricsState.Up, null, Now),
            Nodes = [new("istio-ingressgateway", GraphLayer.Ingress), new("prod-blog-service-deployment", GraphLayer.Service), new("postgresql", GraphLayer.Data)],
            Edges =
            [
                new("istio-ingressgateway", "prod-blog-service-deployment", 12.5, 4, 19.2, true, SignalLevel.Danger),
                new("prod-blog-service-deployment", "postgresql", 3, 0, null, false, SignalLevel.Normal),
            ],
            Version = 1,
        });

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=graph-edge]").Count));
        var front = cut.Find("[data-testid=graph-edge][data-target=prod-blog-service-deployment]");
        Assert.NotEmpty(front.QuerySelectorAll("[data-testid=edge-lock]"));
        Assert.Contains("12.5 rps", front.TextContent);
        Assert.Contains("P95 19 ms", front.TextContent);
        Assert.Contains("level-danger", front.GetAttribute("class"));
        var data = cut.Find("[data-testid=graph-edge][data-target=postgresql]");
        Assert.Equal("false", data.GetAttribute("data-mtls"));
        Assert.Empty(data.QuerySelectorAll("[data-testid=edge-lock]"));
        Assert.Contains("P95 no traffic", data.TextContent);
        Assert.Equal(["istio-ingressgateway", "prod-blog-service-deployment", "postgresql"], cut.FindAll("[data-testid=graph-node]").Select(n => n.GetAttribute("data-node")));
    }

    [Fact]
    public void ServiceGraph_LongWorkloadName_IsCutInTheBoxAndWholeInTheTooltip()
    {
        var name = "prod-" + new string('x', 10_000);
        var cut = Render<ServiceGraphView>(p => p.Add(x => x.View, View(ViewKinds.ServiceGraph)));
        Metrics.Publish(new ServiceGraphSnapshot
        {
            Health = new MetricsHealth(MetricsState.Up, null, Now),
            Nodes = [new("istio-ingressgateway", GraphLayer.Ingress), new(name, GraphLayer.Service)],
            Edges = [new("istio-ingressgateway", name, 1, 0, 5, true, SignalLevel.Normal)],
            Version = 1,
        });

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=graph-node]").Count));
        var node = cut.Find($"[data-testid=graph-node][data-node={name}]");
        Assert.Equal("prod-xxxxxxxxxxxxxxxx…", node.QuerySelector("text")!.TextContent);
        Assert.Equal(name, node.QuerySelector("title")!.TextContent);
        Assert.Equal("istio-ingressgateway", cut.Find("[data-testid=graph-node][data-node=istio-ingressgateway] text").TextContent);
    }

    [Fact]
    public void Alerts_FiringRule_ShowsInTheTableAndAsABanner()
    {
        var cut = Render<AlertsView>(p => p.Add(x => x.View, View(ViewKinds.Alerts)));
        var banner = Render<FiringAlertBanner>(p => p.Add(x => x.Large, true));
        var alert = new PrometheusAlert(new Dictionary<string, string> { ["alertname"] = "HighErrorRate", ["severity"] = "critical" }, new Dictionary<string, string>(), "firing", Now.AddMinutes(-1), 0.12);
        Metrics.Publish(new AlertsSnapshot
        {
            Health = new MetricsHealth(MetricsState.Up, null, Now),
            Rules = [new AlertingRuleState("titanium-alerts", "HighErrorRate", "sum(rate(x[5m])) / sum(rate(y[5m])) > 0.05", TimeSpan.FromMinutes(1), "firing", "ok", null,
                new Dictionary<string, string>(), new Dictionary<string, string> { ["summary"] = "5xx above 5%" }, [alert])],
            AlertmanagerProblem = new UiMessage("Metrics_NotConfiguredSource", "Alertmanager"),
            Firing = [new FiringAlert("HighErrorRate", "5xx above 5%", "critical", Now.AddMinutes(-1), 0.12)],
            Version = 1,
        });

        cut.WaitForAssertion(() => Assert.Equal("firing", cut.Find("tr[data-alert=HighErrorRate]").GetAttribute("data-state")));
        Assert.Contains("> 0.05", cut.Find("tr[data-alert=HighErrorRate]").TextContent);
        Assert.Contains("0.12", cut.Find("tr[data-alert=HighErrorRate]").TextContent);
        Assert.Contains("No Alertmanager", cut.Find("[data-testid=alertmanager]").TextContent);
        banner.WaitForAssertion(() => Assert.Contains("HighErrorRate", banner.Find("[data-testid=firing-alerts]").TextContent));
        Assert.Contains("large", banner.Find("[data-testid=firing-alerts]").GetAttribute("class"));
    }
}
