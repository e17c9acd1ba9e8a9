using DemoConsole.Core.Observability;
using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Tests.Scenarios;

public sealed class MetricsFrontMatterTests
{
    private static ScenarioParseResult Parse(string frontMatter) => ScenarioParser.Parse($"""
        ---
        {frontMatter}
        ---
        # Demo

        ## Scenario

        ### Part 1: Signals

        **Script**:
        > "Look."

        ```demo-view
        id: signals
        kind: golden-signals
        title: Signals
        window: 5m
        ```
        """, "test.md");

    [Fact]
    public void Parse_MetricsOverridesAndThresholds_AreOnTheScenario()
    {
        var result = Parse("""
            metrics:
              namespace: shop
              rateWindow: 30s
              thresholds:
                p95: 250
                errors5xx: { caution: 0.5, danger: 2 }
              queries:
                latency.p95: histogram_quantile(0.95, sum(rate(http_duration_bucket[$rate])) by (le))
            """);

        Assert.DoesNotContain(result.Problems, p => p.Severity == ProblemSeverity.Error);
        var metrics = result.Scenario!.Metrics;
        Assert.Equal("shop", metrics.Namespace);
        Assert.Equal(TimeSpan.FromSeconds(30), metrics.RateWindow);
        Assert.Equal(new Threshold(125, 250), metrics.Thresholds.LatencyP95);
        Assert.Equal(new Threshold(0.5, 2), metrics.Thresholds.Errors5xx);
        Assert.Equal(new Threshold(100, 200), metrics.Thresholds.LatencyP99);
        Assert.StartsWith("histogram_quantile(0.95, sum(rate(http_duration_bucket", metrics.Template(MetricQueries.LatencyP95), StringComparison.Ordinal);
        Assert.Equal(MetricQueries.Defaults[MetricQueries.LatencyP99], metrics.Template(MetricQueries.LatencyP99));
    }

    [Fact]
    public void Parse_QueryOverrideThatIsNotPromQL_IsAnErrorOnItsLine()
    {
        var result = Parse("""
            metrics:
              queries:
                latency.p95: sum(rate(http_duration_bucket[5m]) by (le)
            """);

        var problem = Assert.Single(result.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Equal(4, problem.Line);
        Assert.Contains("latency.p95", problem.Message, StringComparison.Ordinal);
        Assert.Contains("not closed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownQueryNameAndBadWindow_AreReported()
    {
        var result = ScenarioParser.Parse("""
            ---
            metrics:
              queries:
                latency.p42: up
            ---
            # Demo

            ## Scenario

            ### Part 1: Signals

            **Script**:
            > "Look."

            ```demo-view
            id: signals
            kind: golden-signals
            title: Signals
            window: 7m
            ```
            """, "test.md");

        Assert.Contains(result.Problems, p => p.Severity == ProblemSeverity.Warning && p.Line == 4 && p.Message.Contains("latency.p42", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Severity == ProblemSeverity.Error && p.Message.Contains("window '7m'", StringComparison.Ordinal));
    }

    [Fact]
    public void FallbackOf_PanelNamingASectionView_UsesThatViewAndHidesItFromTheStandaloneViews()
    {
        var section = new ScenarioSection
        {
            Title = "Part",
            Line = 1,
            Blocks =
            [
                new PanelBlock(2, new PanelDefinition("grafana", PanelKind.Grafana, "Grafana", new Uri("http://127.0.0.1:3000/d/x"), 1, 2) { Fallback = "signals" }),
                new PanelBlock(3, new PanelDefinition("kiali", PanelKind.Kiali, "Kiali", new Uri("http://127.0.0.1:20001/kiali"), 1, 3)),
                new ViewBlock(4, new ViewDefinition("signals", ViewKinds.GoldenSignals, "Signals", 1, new Dictionary<string, string>(), 4)),
                new ViewBlock(5, new ViewDefinition("pods", ViewKinds.Pods, "Pods", 1, new Dictionary<string, string>(), 5)),
            ],
        };

        Assert.Equal("signals", section.FallbackOf(section.Blocks.OfType<PanelBlock>().First().Panel)!.Id);
        Assert.Equal(ViewKinds.ServiceGraph, section.FallbackOf(section.Blocks.OfType<PanelBlock>().Last().Panel)!.Kind);
        Assert.Equal(["pods"], section.StandaloneViews.Select(v => v.Id));
    }
}
