namespace DemoConsole.Sandbox.Prometheus;

/// <summary>
/// Prometheus's staleness marker: a special NaN written when a series vanishes from a scrape, so instant queries stop
/// returning its last value at once instead of for the 5-minute lookback.
/// </summary>
internal static class StaleMarker
{
    private const long Bits = 0x7ff0000000000002;

    public static double Value { get; } = BitConverter.Int64BitsToDouble(Bits);

    public static bool Is(double value) => BitConverter.DoubleToInt64Bits(value) == Bits;
}
