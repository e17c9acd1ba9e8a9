namespace DemoConsole.Core.Observability;

/// <summary>An alerting rule as Prometheus evaluates it (<c>/api/v1/rules</c>): its expression, <c>for</c>, state and active alerts.</summary>
public sealed record AlertingRuleState(
    string Group,
    string Name,
    string Query,
    TimeSpan For,
    string State,
    string Health,
    string? LastError,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    IReadOnlyList<PrometheusAlert> Alerts);
