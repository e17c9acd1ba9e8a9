namespace DemoConsole.Core.Observability;

/// <summary>A number on a tile and how it reads against its threshold; a null value means no traffic (not zero).</summary>
public sealed record SignalValue(double? Value, SignalLevel Level)
{
    public static SignalValue None { get; } = new(null, SignalLevel.NoData);
}
