using DemoConsole.Sandbox.Metrics;

namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>One element of an instant vector.</summary>
internal readonly record struct Sample(LabelSet Labels, double Value);
