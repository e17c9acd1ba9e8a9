namespace DemoConsole.Sandbox.Metrics;

/// <summary>A metric as exposed: its name, type and help, and its samples (histograms carry _bucket/_sum/_count samples).</summary>
internal sealed record MetricFamily(string Name, string Type, string Help, IReadOnlyList<MetricSample> Samples);
