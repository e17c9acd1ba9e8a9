namespace DemoConsole.Core.Observability;

/// <summary>One element of an instant vector: a label set and its value at the evaluation time.</summary>
public sealed record MetricSample(IReadOnlyDictionary<string, string> Labels, MetricPoint Point)
{
    public string Label(string name) => Labels.TryGetValue(name, out var value) ? value : "";
}
