using DemoConsole.Sandbox.Metrics;
using DemoConsole.Sandbox.Prometheus.PromQl;

namespace DemoConsole.Sandbox.Prometheus;

/// <summary>
/// The twin's TSDB: every series the scraper has seen, each in a bounded ring buffer, indexed by metric name.
/// Series that stopped reporting are dropped once their newest sample is older than the retention.
/// </summary>
internal sealed class SampleStore(int samplesPerSeries, TimeSpan retention)
{
    private readonly Dictionary<string, Dictionary<LabelSet, SeriesBuffer>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<LabelSet>> _lastScrape = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public TimeSpan Retention => retention;

    /// <summary>Appends one scrape of a target; series it no longer exposes get a staleness marker, as Prometheus writes.</summary>
    public void AppendScrape(string target, IEnumerable<MetricSample> samples, long time)
    {
        var seen = new HashSet<LabelSet>();
        foreach (var sample in samples)
        {
            seen.Add(sample.Labels);
            Buffer(sample.Labels).Append(time, sample.Value);
        }

        lock (_lock)
        {
            if (_lastScrape.TryGetValue(target, out var previous))
            {
                foreach (var gone in previous.Where(l => !seen.Contains(l)))
                {
                    Find(gone)?.Append(time, StaleMarker.Value);
                }
            }

            _lastScrape[target] = seen;
        }
    }

    /// <summary>Drops series whose newest sample fell out of the retention window.</summary>
    public void Trim(long now)
    {
        var oldest = now - (long)retention.TotalMilliseconds;
        lock (_lock)
        {
            foreach (var series in _byName.Values)
            {
                foreach (var labels in series.Where(kv => kv.Value.LastTime < oldest).Select(kv => kv.Key).ToList())
                {
                    series.Remove(labels);
                }
            }

            foreach (var name in _byName.Where(kv => kv.Value.Count == 0).Select(kv => kv.Key).ToList())
            {
                _byName.Remove(name);
            }
        }
    }

    /// <summary>Series matching every matcher (one of them names the metric, or all series are scanned).</summary>
    public IReadOnlyList<(LabelSet Labels, SeriesBuffer Samples)> Select(IReadOnlyList<LabelMatcher> matchers)
    {
        var byName = matchers.FirstOrDefault(m => m.Name == LabelSet.MetricName && m.Op == MatchOp.Equal);
        lock (_lock)
        {
            IEnumerable<KeyValuePair<LabelSet, SeriesBuffer>> candidates = byName is null
                ? _byName.Values.SelectMany(s => s)
                : _byName.GetValueOrDefault(byName.Value) ?? [];
            return candidates.Where(kv => matchers.All(m => m.Matches(kv.Key.Get(m.Name))))
                .Select(kv => (kv.Key, kv.Value)).ToList();
        }
    }

    /// <summary>Every value a label has across the held series, sorted (the label values endpoint).</summary>
    public IReadOnlyList<string> LabelValues(string name)
    {
        lock (_lock)
        {
            return _byName.Values.SelectMany(s => s.Keys).Select(l => l.Get(name)).Where(v => v.Length > 0)
                .Distinct().Order(StringComparer.Ordinal).ToList();
        }
    }

    public int SeriesCount
    {
        get
        {
            lock (_lock)
            {
                return _byName.Values.Sum(s => s.Count);
            }
        }
    }

    public long SampleCount
    {
        get
        {
            lock (_lock)
            {
                return _byName.Values.Sum(s => s.Values.Sum(b => (long)b.Count));
            }
        }
    }

    private SeriesBuffer Buffer(LabelSet labels)
    {
        lock (_lock)
        {
            var name = labels.Name;
            if (!_byName.TryGetValue(name, out var series))
            {
                _byName[name] = series = [];
            }

            if (!series.TryGetValue(labels, out var buffer))
            {
                series[labels] = buffer = new SeriesBuffer(samplesPerSeries);
            }

            return buffer;
        }
    }

    private SeriesBuffer? Find(LabelSet labels) =>
        _byName.GetValueOrDefault(labels.Name)?.GetValueOrDefault(labels);
}
