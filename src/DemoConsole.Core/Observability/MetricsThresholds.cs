namespace DemoConsole.Core.Observability;

/// <summary>
/// The appendix's thresholds (P95 target &lt; 100 ms with 50–100 a caution; P99 &lt; 200 ms with 100–200 a caution; 5xx
/// allowed &lt; 0.1 %, danger &gt; 1 %; CPU danger &gt; 80 %), overridable in the scenario's front matter.
/// </summary>
public sealed record MetricsThresholds
{
    public Threshold LatencyP95 { get; init; } = new(50, 100);

    public Threshold LatencyP99 { get; init; } = new(100, 200);

    public Threshold Errors5xx { get; init; } = new(0.1, 1);

    /// <summary>4xx are the client's doing; they only colour the tile at high rates.</summary>
    public Threshold Errors4xx { get; init; } = new(5, 25);

    public Threshold Cpu { get; init; } = new(60, 80);
}
