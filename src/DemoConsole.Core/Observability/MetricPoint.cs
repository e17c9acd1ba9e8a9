namespace DemoConsole.Core.Observability;

/// <summary>One point of a series. <see cref="Value"/> may be NaN or ±Inf, as Prometheus sends them (histogram_quantile with no samples).</summary>
public readonly record struct MetricPoint(DateTimeOffset Time, double Value);
