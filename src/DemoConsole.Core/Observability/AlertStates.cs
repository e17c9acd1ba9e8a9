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

/// <summary>A pending or firing alert of a rule (<c>/api/v1/alerts</c> or inside a rule); <see cref="Value"/> is the expression's value.</summary>
public sealed record PrometheusAlert(
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    string State,
    DateTimeOffset? ActiveAt,
    double Value)
{
    public string Name => Labels.TryGetValue("alertname", out var name) ? name : "";
}

/// <summary>An alert as Alertmanager holds it (<c>/api/v2/alerts</c>): <see cref="State"/> is active, suppressed or unprocessed.</summary>
public sealed record AlertmanagerAlert(
    string Fingerprint,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    string State,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt)
{
    public string Name => Labels.TryGetValue("alertname", out var name) ? name : "";
}
