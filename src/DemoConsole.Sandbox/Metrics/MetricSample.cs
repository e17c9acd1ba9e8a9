namespace DemoConsole.Sandbox.Metrics;

/// <summary>One exposed sample: the full label set (including <c>__name__</c>) and its current value.</summary>
internal readonly record struct MetricSample(LabelSet Labels, double Value);
