using DemoConsole.Sandbox.Metrics;

namespace DemoConsole.Sandbox.Prometheus;

/// <summary>What the twin scrapes: a job and instance (the target labels a real Prometheus adds) and the exporter's families.</summary>
internal sealed record ScrapeTarget(string Job, string Instance, Func<IEnumerable<MetricFamily>> Collect);
