using DemoConsole.Sandbox.Metrics;

namespace DemoConsole.Sandbox.Prometheus;

/// <summary>
/// Scrapes the sandbox's own exporters on an interval into the <see cref="SampleStore"/>, adding the target labels
/// (job, instance) and the <c>up</c> series a real Prometheus adds. Reads the exporters in process: the samples are
/// the very ones their scrape endpoints serve.
/// </summary>
internal sealed class SelfScraper(TimeProvider time, SampleStore store, IReadOnlyList<ScrapeTarget> targets, TimeSpan interval, Action<Exception> fault) : IAsyncDisposable
{
    private const int MaxCachedLabelSets = 50_000;
    private readonly Dictionary<(ScrapeTarget, LabelSet), LabelSet> _withTargetLabels = [];
    private PeriodicLoop? _loop;

    public TimeSpan Interval => interval;

    public void Start()
    {
        _loop = new PeriodicLoop(time, interval, () => ScrapeOnce(time.GetUtcNow().ToUnixTimeMilliseconds()), fault);
        _loop.Start();
    }

    /// <summary>One scrape of every target now (the loop calls it; tests and benchmarks fill the store with it). Not reentrant.</summary>
    public void ScrapeOnce(long nowMilliseconds)
    {
        foreach (var target in targets)
        {
            var extra = new[]
            {
                new KeyValuePair<string, string>("job", target.Job),
                new KeyValuePair<string, string>("instance", target.Instance),
            };
            if (_withTargetLabels.Count > MaxCachedLabelSets)
            {
                _withTargetLabels.Clear();
            }

            var samples = target.Collect().SelectMany(f => f.Samples)
                .Select(s => new MetricSample(WithTargetLabels(target, s.Labels, extra), s.Value))
                .Append(new MetricSample(LabelSet.From(extra.Append(new(LabelSet.MetricName, "up"))), 1));
            store.AppendScrape(target.Job + "/" + target.Instance, samples, nowMilliseconds);
        }

        store.Trim(nowMilliseconds);
    }

    // Exposed label sets repeat scrape after scrape; merging the target labels once per series saves most of a scrape's work.
    private LabelSet WithTargetLabels(ScrapeTarget target, LabelSet exposed, KeyValuePair<string, string>[] extra)
    {
        if (!_withTargetLabels.TryGetValue((target, exposed), out var merged))
        {
            _withTargetLabels[(target, exposed)] = merged = exposed.Merge(extra);
        }

        return merged;
    }

    public ValueTask DisposeAsync() => _loop?.DisposeAsync() ?? ValueTask.CompletedTask;

}
