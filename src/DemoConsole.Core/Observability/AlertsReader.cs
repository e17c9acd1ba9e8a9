namespace DemoConsole.Core.Observability;

/// <summary>One round of the alerts view: the rules (with their alerts) from Prometheus, the active alerts from Alertmanager.</summary>
public static class AlertsReader
{
    public static async Task<AlertsSnapshot> ReadAsync(IMetricsClient client, AlertsSnapshot previous, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rulesCall = client.AlertingRulesAsync(cancellationToken);
        var managerCall = client.AlertmanagerAlertsAsync(cancellationToken);
        var rules = await rulesCall;
        var manager = await managerCall;
        var health = MetricsHealth.After([rules.Error], previous.Health, now);
        if (health.IsDown)
        {
            return previous with { Health = health, Version = previous.Version + 1 };
        }

        var ruleList = rules.Value ?? [];
        var firing = ruleList.SelectMany(r => r.Alerts.Where(a => a.State == "firing").Select(a => new FiringAlert(
                r.Name,
                a.Annotations.GetValueOrDefault("summary") ?? r.Annotations.GetValueOrDefault("summary"),
                a.Labels.GetValueOrDefault("severity") ?? r.Labels.GetValueOrDefault("severity"),
                a.ActiveAt,
                a.Value)))
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
        return new AlertsSnapshot
        {
            Health = health,
            Rules = ruleList,
            AlertmanagerAlerts = manager.Value ?? [],
            AlertmanagerProblem = manager.Error?.Message,
            Firing = firing,
            UpdatedAt = now,
            Version = previous.Version + 1,
        };
    }
}
