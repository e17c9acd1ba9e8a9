namespace DemoConsole.Core.Observability;

/// <summary>One series of a range query (matrix): a label set and its points in time order; steps without a value are absent.</summary>
public sealed record MetricSeries(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<MetricPoint> Points)
{
    public string Label(string name) => Labels.TryGetValue(name, out var value) ? value : "";
}
