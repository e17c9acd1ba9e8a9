using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Observability;

/// <summary>
/// The four Golden Signals over one window, as every screen shows them: tile values (the newest point of each series),
/// the series for the charts, and any query the source refused (shown on its chart, the rest still works).
/// </summary>
public sealed record GoldenSignalsSnapshot
{
    public MetricsHealth Health { get; init; } = MetricsHealth.Starting;

    public TimeSpan Window { get; init; }

    public DateTimeOffset From { get; init; }

    public DateTimeOffset To { get; init; }

    public SignalValue P50 { get; init; } = SignalValue.None;

    public SignalValue P95 { get; init; } = SignalValue.None;

    public SignalValue P99 { get; init; } = SignalValue.None;

    /// <summary>Requests per second over all services; null: no traffic at all.</summary>
    public double? TotalRps { get; init; }

    public IReadOnlyList<LabelledValue> RpsByService { get; init; } = [];

    public SignalValue Errors4xx { get; init; } = SignalValue.None;

    public SignalValue Errors5xx { get; init; } = SignalValue.None;

    /// <summary>Requests in the last rate window per response code ("200", "404", "405"), largest first.</summary>
    public IReadOnlyList<LabelledValue> RequestsByCode { get; init; } = [];

    /// <summary>The busiest pod's CPU in percent of one core.</summary>
    public SignalValue CpuMax { get; init; } = SignalValue.None;

    public IReadOnlyList<LabelledValue> CpuByPod { get; init; } = [];

    public IReadOnlyList<LabelledValue> MemoryByPod { get; init; } = [];

    /// <summary>Range results by query name (<see cref="MetricQueries"/>), for the charts.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<MetricSeries>> Series { get; init; } = new Dictionary<string, IReadOnlyList<MetricSeries>>();

    /// <summary>Queries the source refused, by name, with its message.</summary>
    public IReadOnlyDictionary<string, UiMessage> QueryProblems { get; init; } = new Dictionary<string, UiMessage>();

    public long Version { get; init; }
}
