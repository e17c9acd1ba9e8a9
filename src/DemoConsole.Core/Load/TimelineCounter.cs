namespace DemoConsole.Core.Load;

/// <summary>Per-second counters for a run, keeping only the latest seconds so steady runs stay bounded. Not thread-safe.</summary>
internal sealed class TimelineCounter(int maxSeconds)
{
    private readonly List<long[]> _seconds = [];
    private int _firstSecond;

    public const int Started = 0;
    public const int Completed = 1;
    public const int Errors = 2;
    public const int Dropped = 3;

    public void Add(int second, int field)
    {
        if (second < _firstSecond)
        {
            return;
        }

        while (_firstSecond + _seconds.Count <= second)
        {
            _seconds.Add(new long[4]);
        }

        _seconds[second - _firstSecond][field]++;
        if (_seconds.Count > maxSeconds)
        {
            var excess = _seconds.Count - maxSeconds;
            _seconds.RemoveRange(0, excess);
            _firstSecond += excess;
        }
    }

    public IReadOnlyList<LoadSecond> ToList()
    {
        var list = new LoadSecond[_seconds.Count];
        for (var i = 0; i < list.Length; i++)
        {
            var c = _seconds[i];
            list[i] = new LoadSecond(_firstSecond + i, c[Started], c[Completed], c[Errors], c[Dropped]);
        }

        return list;
    }
}
