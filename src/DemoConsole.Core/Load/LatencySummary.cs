namespace DemoConsole.Core.Load;

/// <summary>Percentiles of one latency histogram; all zero while <see cref="Count"/> is zero.</summary>
public sealed record LatencySummary(
    long Count,
    TimeSpan P50,
    TimeSpan P90,
    TimeSpan P95,
    TimeSpan P99,
    TimeSpan Max,
    TimeSpan Mean)
{
    /// <summary>The summary of an empty histogram.</summary>
    public static LatencySummary Empty { get; } =
        new(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
}
