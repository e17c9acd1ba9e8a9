namespace DemoConsole.Core.Observability;

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
