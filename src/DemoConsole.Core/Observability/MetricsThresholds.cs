namespace DemoConsole.Core.Observability;

/// <summary>How a signal reads against the runbook's thresholds; <see cref="NoData"/> when there is no traffic to judge.</summary>
public enum SignalLevel
{
    NoData,
    Normal,
    Caution,
    Danger,
}

/// <summary>A value above <see cref="Caution"/> is a caution, above <see cref="Danger"/> a danger.</summary>
public sealed record Threshold(double Caution, double Danger)
{
    public SignalLevel Judge(double? value) => value switch
    {
        null => SignalLevel.NoData,
        { } v when double.IsNaN(v) => SignalLevel.NoData,
        { } v when v > Danger => SignalLevel.Danger,
        { } v when v > Caution => SignalLevel.Caution,
        _ => SignalLevel.Normal,
    };
}

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
