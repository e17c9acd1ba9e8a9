namespace DemoConsole.Core.Load;

/// <summary>
/// Per-second counters and answer latencies for a run, keeping only the latest seconds so steady runs stay bounded.
/// Not thread-safe.
/// </summary>
internal sealed class TimelineCounter(int maxSeconds)
{
    private readonly List<long[]> _seconds = [];
    private readonly List<LatencyBuckets?> _latencies = [];
    private int _firstSecond;

    public const int Started = 0;
    public const int Completed = 1;
    public const int Errors = 2;
    public const int Dropped = 3;

    public void Add(int second, int field)
    {
        if (Slot(second) is { } slot)
        {
            _seconds[slot][field]++;
        }
    }

    /// <summary>An answer's latency, in the second it arrived.</summary>
    public void AddLatency(int second, TimeSpan latency)
    {
        if (Slot(second) is { } slot)
        {
            (_latencies[slot] ??= new LatencyBuckets()).Record(latency);
        }
    }

    private int? Slot(int second)
    {
        if (second < _firstSecond)
        {
            return null;
        }

        while (_firstSecond + _seconds.Count <= second)
        {
            _seconds.Add(new long[4]);
            _latencies.Add(null);
        }

        if (_seconds.Count > maxSeconds)
        {
            var excess = _seconds.Count - maxSeconds;
            _seconds.RemoveRange(0, excess);
            _latencies.RemoveRange(0, excess);
            _firstSecond += excess;
        }

        return second - _firstSecond;
    }

    public IReadOnlyList<LoadSecond> ToList()
    {
        var list = new LoadSecond[_seconds.Count];
        for (var i = 0; i < list.Length; i++)
        {
            var c = _seconds[i];
            var latency = _latencies[i];
            list[i] = new LoadSecond(_firstSecond + i, c[Started], c[Completed], c[Errors], c[Dropped], latency?.At(50), latency?.At(99));
        }

        return list;
    }
}
