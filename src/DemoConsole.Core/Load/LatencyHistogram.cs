using HdrHistogram;

namespace DemoConsole.Core.Load;

/// <summary>An HdrHistogram of microseconds with a fixed footprint (three significant digits up to an hour). Not thread-safe.</summary>
internal sealed class LatencyHistogram
{
    private const long HighestMicros = 3_600_000_000;
    private readonly LongHistogram _histogram = new(HighestMicros, 3);

    public void Record(TimeSpan latency)
    {
        // Clamp rather than throw: an out-of-range value must not take a run down.
        var micros = Math.Clamp(latency.Ticks / TimeSpan.TicksPerMicrosecond, 0, HighestMicros);
        _histogram.RecordValue(micros);
    }

    public LatencySummary Summarize()
    {
        if (_histogram.TotalCount == 0)
        {
            return LatencySummary.Empty;
        }

        return new LatencySummary(
            _histogram.TotalCount,
            At(50),
            At(90),
            At(95),
            At(99),
            Micros(_histogram.GetMaxValue()),
            TimeSpan.FromTicks((long)(_histogram.GetMean() * TimeSpan.TicksPerMicrosecond)));
    }

    private TimeSpan At(double percentile) => Micros(_histogram.GetValueAtPercentile(percentile));

    private static TimeSpan Micros(long micros) => TimeSpan.FromTicks(micros * TimeSpan.TicksPerMicrosecond);
}
