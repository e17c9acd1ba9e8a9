namespace DemoConsole.Core.Observability;

/// <summary>One point of a series. <see cref="Value"/> may be NaN or ±Inf, as Prometheus sends them (histogram_quantile with no samples).</summary>
public readonly record struct MetricPoint(DateTimeOffset Time, double Value);

/// <summary>One element of an instant vector: a label set and its value at the evaluation time.</summary>
public sealed record MetricSample(IReadOnlyDictionary<string, string> Labels, MetricPoint Point)
{
    public string Label(string name) => Labels.TryGetValue(name, out var value) ? value : "";
}

/// <summary>One series of a range query (matrix): a label set and its points in time order; steps without a value are absent.</summary>
public sealed record MetricSeries(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<MetricPoint> Points)
{
    public string Label(string name) => Labels.TryGetValue(name, out var value) ? value : "";
}
