using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Observability;

/// <summary>Prometheus's alerting rules and Alertmanager's active alerts as of <see cref="UpdatedAt"/>.</summary>
public sealed record AlertsSnapshot
{
    public MetricsHealth Health { get; init; } = MetricsHealth.Starting;

    public IReadOnlyList<AlertingRuleState> Rules { get; init; } = [];

    public IReadOnlyList<AlertmanagerAlert> AlertmanagerAlerts { get; init; } = [];

    /// <summary>Why Alertmanager's alerts are missing (not configured, unreachable); the rules still show.</summary>
    public UiMessage? AlertmanagerProblem { get; init; }

    public IReadOnlyList<FiringAlert> Firing { get; init; } = [];

    public DateTimeOffset UpdatedAt { get; init; }

    public long Version { get; init; }
}
