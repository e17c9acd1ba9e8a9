using System.Collections.Concurrent;
using DemoConsole.Core.Scenarios;
using Microsoft.Extensions.Logging;

namespace DemoConsole.Core.Observability;

/// <summary>
/// Keeps one <see cref="PollingFeed{T}"/> per (view, query set, namespace, window). A scenario reload with other query
/// overrides gets new feeds; screens of the old settings keep theirs until they move on. Feeds that nobody watches do not poll.
/// </summary>
public sealed class MetricsFeeds(IMetricsClient client, IScenarioSource scenarios, TimeProvider time, ILoggerFactory loggers) : IMetricsFeeds, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, IAsyncDisposable> _feeds = new(StringComparer.Ordinal);
    private readonly ILogger _logger = loggers.CreateLogger<MetricsFeeds>();

    /// <summary>How many poll loops exist (running or idle), for tests and benchmarks.</summary>
    public int FeedCount => _feeds.Count;

    public IAsyncEnumerable<GoldenSignalsSnapshot> WatchGoldenSignalsAsync(TimeSpan window, CancellationToken cancellationToken = default)
    {
        var (metrics, ns) = Settings();
        var feed = Feed($"golden|{window}|{ns}|{metrics.Key}", () => new GoldenSignalsSnapshot { Window = window }, metrics.Refresh,
            (previous, token) => GoldenSignalsReader.ReadAsync(client, metrics, ns, window, previous, time.GetUtcNow(), token));
        return feed.WatchAsync(cancellationToken);
    }

    public IAsyncEnumerable<ServiceGraphSnapshot> WatchServiceGraphAsync(CancellationToken cancellationToken = default)
    {
        var (metrics, ns) = Settings();
        var feed = Feed($"graph|{ns}|{metrics.Key}", () => new ServiceGraphSnapshot(), metrics.Refresh,
            (previous, token) => ServiceGraphReader.ReadAsync(client, metrics, ns, previous, time.GetUtcNow(), token));
        return feed.WatchAsync(cancellationToken);
    }

    public IAsyncEnumerable<AlertsSnapshot> WatchAlertsAsync(CancellationToken cancellationToken = default)
    {
        var (metrics, _) = Settings();
        var feed = Feed("alerts", () => new AlertsSnapshot(), metrics.Refresh,
            (previous, token) => AlertsReader.ReadAsync(client, previous, time.GetUtcNow(), token));
        return feed.WatchAsync(cancellationToken);
    }

    private (ScenarioMetrics Metrics, string Namespace) Settings()
    {
        var scenario = scenarios.Current.Scenario;
        return (scenario.Metrics, scenario.Metrics.Namespace ?? scenario.Targets.ApplicationNamespace ?? "titanium-prod");
    }

    private PollingFeed<T> Feed<T>(string key, Func<T> initial, TimeSpan refresh, Func<T, CancellationToken, Task<T>> poll)
        where T : class =>
        (PollingFeed<T>)_feeds.GetOrAdd(key, _ => new PollingFeed<T>(initial(), poll, refresh, time, _logger));

    public async ValueTask DisposeAsync()
    {
        foreach (var feed in _feeds.Values)
        {
            await feed.DisposeAsync();
        }

        _feeds.Clear();
    }
}
