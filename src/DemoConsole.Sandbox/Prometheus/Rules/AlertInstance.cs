using DemoConsole.Sandbox.Metrics;

namespace DemoConsole.Sandbox.Prometheus.Rules;

/// <summary>One alert of a rule: a label set the expression returned, with its state and timestamps.</summary>
internal sealed class AlertInstance(LabelSet labels, DateTimeOffset activeAt)
{
    public LabelSet Labels { get; } = labels;

    public IReadOnlyDictionary<string, string> Annotations { get; set; } = new Dictionary<string, string>();

    public AlertState State { get; set; } = AlertState.Pending;

    public DateTimeOffset ActiveAt { get; } = activeAt;

    public DateTimeOffset? FiredAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public DateTimeOffset ValidUntil { get; set; }

    public double Value { get; set; }
}
