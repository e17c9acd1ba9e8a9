namespace DemoConsole.Core.Observability;

/// <summary>
/// The scenario's say on metrics (front matter <c>metrics:</c>): query overrides by name, thresholds, the namespace the
/// queries look at and the rate window. Everything has a default, so a scenario without the key gets the runbook's.
/// </summary>
public sealed record ScenarioMetrics
{
    public static ScenarioMetrics Default { get; } = new();

    /// <summary>Overrides by query name (<see cref="MetricQueries"/>), as written.</summary>
    public IReadOnlyDictionary<string, string> Queries { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public MetricsThresholds Thresholds { get; init; } = new();

    /// <summary>The namespace of the workloads; null: the scenario's application namespace.</summary>
    public string? Namespace { get; init; }

    /// <summary>The window of rate(); a minute follows a burst within seconds yet smooths single requests.</summary>
    public TimeSpan RateWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the shared loops ask Prometheus.</summary>
    public TimeSpan Refresh { get; init; } = TimeSpan.FromSeconds(5);

    public string Template(string name) =>
        Queries.TryGetValue(name, out var query) ? query : MetricQueries.Defaults[name];

    /// <summary>A key equal for equal settings, so loops are shared per query set, not per scenario reload.</summary>
    public string Key => string.Join('\n', Queries.OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => $"{q.Key}={q.Value}"))
        + $"|{Thresholds}|{Namespace}|{RateWindow}|{Refresh}";
}
