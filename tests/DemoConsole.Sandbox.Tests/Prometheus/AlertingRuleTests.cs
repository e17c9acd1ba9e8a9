using DemoConsole.Sandbox.Metrics;
using DemoConsole.Sandbox.Prometheus.PromQl;
using DemoConsole.Sandbox.Prometheus.Rules;

namespace DemoConsole.Sandbox.Tests.Prometheus;

/// <summary>The alert state machine on explicit evaluation times: pending, firing after for:, resolved, dropped.</summary>
public sealed class AlertingRuleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 20, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan For = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ValidFor = TimeSpan.FromMinutes(4);

    [Fact]
    public void Evaluate_ConditionHeldForTheDuration_PendingThenFiringThenResolved()
    {
        var rule = Rule();
        var value = 0.2;

        rule.Evaluate(Returning(() => value), T0, For, ValidFor);
        var pending = Assert.Single(rule.Alerts());
        Assert.Equal(AlertState.Pending, pending.State);
        Assert.Equal(T0, pending.ActiveAt);
        Assert.Equal("High error rate on prod-api-gateway (20%)", pending.Annotations["summary"]);
        Assert.Equal(LabelSet.Of(("alertname", "HighErrorRate"), ("destination_service_name", "prod-api-gateway"), ("severity", "critical")), pending.Labels);

        value = 0.3;
        rule.Evaluate(Returning(() => value), T0 + For - TimeSpan.FromSeconds(1), For, ValidFor);
        Assert.Equal(AlertState.Pending, rule.State);
        rule.Evaluate(Returning(() => value), T0 + For, For, ValidFor);
        var firing = Assert.Single(rule.Alerts());
        Assert.Equal(AlertState.Firing, firing.State);
        Assert.Equal(T0 + For, firing.FiredAt);
        Assert.Equal(0.3, firing.Value);

        rule.Evaluate((_, _) => QueryValue.OfVector([]), T0 + For + TimeSpan.FromSeconds(30), For, ValidFor);
        Assert.Equal(AlertState.Inactive, rule.State);
        Assert.Equal(T0 + For + TimeSpan.FromSeconds(30), Assert.Single(rule.Alerts()).ResolvedAt);
        rule.Evaluate((_, _) => QueryValue.OfVector([]), T0 + For + TimeSpan.FromMinutes(16), For, ValidFor);
        Assert.Empty(rule.Alerts());
    }

    [Fact]
    public void Evaluate_ConditionGoneWhilePending_DropsTheAlert()
    {
        var rule = Rule();

        rule.Evaluate(Returning(() => 0.2), T0, For, ValidFor);
        rule.Evaluate((_, _) => QueryValue.OfVector([]), T0 + TimeSpan.FromMinutes(1), For, ValidFor);
        rule.Evaluate(Returning(() => 0.2), T0 + TimeSpan.FromMinutes(2), For, ValidFor);

        Assert.Equal(T0 + TimeSpan.FromMinutes(2), Assert.Single(rule.Alerts()).ActiveAt);
    }

    [Fact]
    public void Evaluate_QueryFails_RecordsTheErrorAndKeepsTheAlerts()
    {
        var rule = Rule();

        rule.Evaluate((_, _) => throw new PromQlException("boom", "execution"), T0, For, ValidFor);

        Assert.Equal("boom", rule.LastError);
        Assert.Empty(rule.Alerts());
    }

    private static AlertingRule Rule() => new("HighErrorRate", "ratio > 0.05", For,
        new Dictionary<string, string> { ["severity"] = "critical" },
        new Dictionary<string, string> { ["summary"] = "High error rate on {{ $labels.destination_service_name }} ({{ $value | humanizePercentage }})" });

    private static Func<string, long, QueryValue> Returning(Func<double> value) =>
        (_, _) => QueryValue.OfVector([new Sample(LabelSet.Of((LabelSet.MetricName, "ratio"), ("destination_service_name", "prod-api-gateway")), value())]);
}
