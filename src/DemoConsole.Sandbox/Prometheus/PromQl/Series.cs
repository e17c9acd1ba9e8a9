using DemoConsole.Sandbox.Metrics;

namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>One element of a range vector (matrix): a label set and its points in time order.</summary>
internal sealed record Series(LabelSet Labels, List<Point> Points);
