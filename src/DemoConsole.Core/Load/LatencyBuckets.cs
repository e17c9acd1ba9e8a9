using System.Numerics;

namespace DemoConsole.Core.Load;

/// <summary>
/// A small log-scale histogram of latencies for one second of a run's timeline: four buckets per doubling of
/// microseconds (each about 19 % wide), 132 counters in all, from 1 µs to past an hour. A run's whole-run percentiles
/// come from its HdrHistogram (three significant digits); these only have to draw latency over time, at a few hundred
/// bytes a second instead of an HdrHistogram's tens of kilobytes. Not thread-safe.
/// </summary>
internal sealed class LatencyBuckets
{
    private const int PerDoubling = 4;
    private readonly int[] _counts = new int[33 * PerDoubling];
    private int _total;

    public void Record(TimeSpan latency)
    {
        var micros = (ulong)Math.Max(1, latency.Ticks / TimeSpan.TicksPerMicrosecond);
        _counts[Math.Min(Index(micros), _counts.Length - 1)]++;
        _total++;
    }

    /// <summary>The latency below which <paramref name="percentile"/> % of this second's answers came, to the bucket's middle.</summary>
    public TimeSpan? At(double percentile)
    {
        if (_total == 0)
        {
            return null;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(_total * percentile / 100));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return TimeSpan.FromTicks((long)(Middle(i) * TimeSpan.TicksPerMicrosecond));
            }
        }

        return null;
    }

    /// <summary>Doubling e (the highest set bit) and, below it, the next two bits choose one of four buckets.</summary>
    internal static int Index(ulong micros)
    {
        var doubling = BitOperations.Log2(micros);
        var quarter = doubling >= 2 ? (int)((micros >> (doubling - 2)) & 3) : (int)(micros << (2 - doubling)) & 3;
        return (doubling * PerDoubling) + quarter;
    }

    /// <summary>The middle of bucket <paramref name="index"/> in microseconds.</summary>
    internal static double Middle(int index)
    {
        var doubling = index / PerDoubling;
        var quarter = index % PerDoubling;
        var lower = Math.Pow(2, doubling) * (1 + (quarter / 4.0));
        var upper = Math.Pow(2, doubling) * (1 + ((quarter + 1) / 4.0));
        return (lower + upper) / 2;
    }
}
