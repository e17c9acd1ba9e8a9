namespace DemoConsole.Core.Observability;

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
