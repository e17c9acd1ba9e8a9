namespace DemoConsole.Sandbox.Prometheus;

/// <summary>
/// The samples of one series in a fixed-size ring (oldest overwritten first), so memory per series is bounded by the
/// retention whatever the traffic. Timestamps are Unix milliseconds, appended in order by the scraper.
/// </summary>
internal sealed class SeriesBuffer(int capacity)
{
    private readonly long[] _times = new long[capacity];
    private readonly double[] _values = new double[capacity];
    private readonly Lock _lock = new();
    private int _start;
    private int _count;

    public long LastTime
    {
        get
        {
            lock (_lock)
            {
                return _count == 0 ? long.MinValue : _times[Index(_count - 1)];
            }
        }
    }

    public bool LastIsStale
    {
        get
        {
            lock (_lock)
            {
                return _count > 0 && StaleMarker.Is(_values[Index(_count - 1)]);
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    public static int BytesPerSample => sizeof(long) + sizeof(double);

    public void Append(long time, double value)
    {
        lock (_lock)
        {
            if (_count > 0 && _times[Index(_count - 1)] >= time)
            {
                return;
            }

            if (_count == _times.Length)
            {
                _start = (_start + 1) % _times.Length;
                _count--;
            }

            var at = Index(_count);
            _times[at] = time;
            _values[at] = value;
            _count++;
        }
    }

    /// <summary>Samples with minTime ≤ t ≤ maxTime (Prometheus 2.x range selection is closed on both ends), staleness markers left out.</summary>
    public void Range(long minTime, long maxTime, List<Point> into)
    {
        lock (_lock)
        {
            for (var i = LowerBound(minTime); i < _count; i++)
            {
                var at = Index(i);
                if (_times[at] > maxTime)
                {
                    break;
                }

                if (!StaleMarker.Is(_values[at]))
                {
                    into.Add(new Point(_times[at], _values[at]));
                }
            }
        }
    }

    /// <summary>The newest sample with minTime ≤ t ≤ maxTime, unless it is a staleness marker (the series ended).</summary>
    public Point? Latest(long minTime, long maxTime)
    {
        lock (_lock)
        {
            var i = LowerBound(maxTime + 1) - 1;
            if (i < 0)
            {
                return null;
            }

            var at = Index(i);
            return _times[at] < minTime || StaleMarker.Is(_values[at]) ? null : new Point(_times[at], _values[at]);
        }
    }

    private int Index(int logical) => (_start + logical) % _times.Length;

    // First logical index whose time is ≥ time.
    private int LowerBound(long time)
    {
        int low = 0, high = _count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (_times[Index(mid)] < time)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
