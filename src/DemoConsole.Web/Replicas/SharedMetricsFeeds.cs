using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Observability;
using DemoConsole.Core.Scenarios;
using StackExchange.Redis;

namespace DemoConsole.Web.Replicas;

/// <summary>
/// The metrics feeds with replicas: only the leader polls Prometheus and Alertmanager (through this process's
/// <see cref="MetricsFeeds"/>), and every replica's screens follow the leader's snapshots through Redis, one
/// <see cref="SharedSnapshotStream{T}"/> per feed (the Golden Signals of each window, the service graph, the alerts).
/// </summary>
/// <remarks>
/// A feed still polls only while some screen shows it, now on any replica: a replica with a screen on a feed keeps the
/// key <c>democonsole:metrics-wanted:{feed}</c> alive (set every <see cref="AnnounceEvery"/>, expiring after
/// <see cref="WantedFor"/>), and the leader polls every feed whose key exists or that its own screens show. A key with a
/// time to live needs no clean-up when a replica dies and no clock shared between replicas; the price is that a feed
/// polls up to <see cref="WantedFor"/> after its last remote screen left. A new screen's first announcement is also
/// published, so the leader starts polling at once instead of at its next look. A feed's name does not carry the
/// scenario's metrics settings: the leader's settings are the ones polled, and a reload there restarts its loops with
/// the new queries while the screens stay subscribed.
/// </remarks>
public sealed partial class SharedMetricsFeeds(
    MetricsFeeds inner,
    IScenarioSource scenarios,
    RedisReplicaConnection redis,
    ReplicaLeadership leadership,
    TimeProvider time,
    ILogger<SharedMetricsFeeds> logger) : BackgroundService, IMetricsFeeds
{
    public static readonly TimeSpan AnnounceEvery = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan WantedFor = TimeSpan.FromSeconds(10);

    private const string GoldenPrefix = "metrics:golden:";
    private const string Graph = "metrics:graph";
    private const string Alerts = "metrics:alerts";

    private readonly ConcurrentDictionary<string, Feed> _feeds = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _making = new();

    /// <summary>The feeds this replica polls now, by name (for tests).</summary>
    public IReadOnlyList<string> Polling => [.. _feeds.Values.Where(f => f.Polling).Select(f => f.Name).Order(StringComparer.Ordinal)];

    public IAsyncEnumerable<GoldenSignalsSnapshot> WatchGoldenSignalsAsync(TimeSpan window, CancellationToken cancellationToken = default) =>
        WatchAsync((Feed<GoldenSignalsSnapshot>)FeedNamed(GoldenName(window))!, cancellationToken);

    public IAsyncEnumerable<ServiceGraphSnapshot> WatchServiceGraphAsync(CancellationToken cancellationToken = default) =>
        WatchAsync((Feed<ServiceGraphSnapshot>)FeedNamed(Graph)!, cancellationToken);

    public IAsyncEnumerable<AlertsSnapshot> WatchAlertsAsync(CancellationToken cancellationToken = default) =>
        WatchAsync((Feed<AlertsSnapshot>)FeedNamed(Alerts)!, cancellationToken);

    private static string GoldenName(TimeSpan window) => GoldenPrefix + ((long)window.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    /// <summary>The feed of that name, made on first use; null for a name this version does not know.</summary>
    private Feed? FeedNamed(string name)
    {
        if (_feeds.TryGetValue(name, out var found))
        {
            return found;
        }

        // Made under a lock: a feed starts its stream's loops when made, so two made at once would leave one running.
        lock (_making)
        {
            if (!_feeds.TryGetValue(name, out found) && Make(name) is { } made)
            {
                _feeds[name] = found = made;
            }

            return found;
        }
    }

    private Feed? Make(string name)
    {
        if (name == Graph)
        {
            return new Feed<ServiceGraphSnapshot>(Stream(name, new ServiceGraphSnapshot(), (s, m, _) => s with { Health = Down(s.Health, m) }),
                inner.WatchServiceGraphAsync, s => s.Version);
        }

        if (name == Alerts)
        {
            return new Feed<AlertsSnapshot>(Stream(name, new AlertsSnapshot(), (s, m, _) => s with { Health = Down(s.Health, m) }),
                inner.WatchAlertsAsync, s => s.Version);
        }

        if (name.StartsWith(GoldenPrefix, StringComparison.Ordinal)
            && long.TryParse(name.AsSpan(GoldenPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            var window = TimeSpan.FromSeconds(seconds);
            return new Feed<GoldenSignalsSnapshot>(Stream(name, new GoldenSignalsSnapshot { Window = window }, (s, m, _) => s with { Health = Down(s.Health, m) }),
                token => inner.WatchGoldenSignalsAsync(window, token), s => s.Version);
        }

        return null;
    }

    private SharedSnapshotStream<T> Stream<T>(string name, T initial, Func<T, UiMessage, DateTimeOffset, T> markUnreachable)
        where T : class
    {
        var stream = new SharedSnapshotStream<T>(redis, leadership, name, initial, markUnreachable, time, logger);
        stream.Start();
        return stream;
    }

    /// <summary>What a metrics screen shows when the source is down, here because the shared state is.</summary>
    private static MetricsHealth Down(MetricsHealth health, UiMessage problem) => new(MetricsState.Down, problem, health.LastSuccess);

    private async IAsyncEnumerable<T> WatchAsync<T>(Feed<T> feed, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        if (Interlocked.Increment(ref feed.Watchers) == 1)
        {
            _ = AnnounceAsync(feed.Name, nudge: true);
            _ = ReconcileAsync(feed);
        }

        try
        {
            await foreach (var snapshot in feed.Stream.SubscribeAsync(cancellationToken))
            {
                yield return snapshot;
            }
        }
        finally
        {
            if (Interlocked.Decrement(ref feed.Watchers) == 0)
            {
                _ = ReconcileAsync(feed);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        leadership.Changed += OnLeadershipChangedAsync;
        var reloads = RestartOnReloadAsync(stoppingToken);
        using var timer = new PeriodicTimer(AnnounceEvery, time);
        var subscribed = false;
        try
        {
            do
            {
                subscribed = subscribed || await SubscribeAsync();
                foreach (var feed in _feeds.Values.Where(f => Volatile.Read(ref f.Watchers) > 0))
                {
                    await AnnounceAsync(feed.Name, nudge: false);
                }

                await ReconcileAllAsync();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            leadership.Changed -= OnLeadershipChangedAsync;
            await reloads;
        }
    }

    /// <summary>
    /// The local loops poll the settings current when they started (<see cref="MetricsFeeds"/> keys its loops by them);
    /// after a reload with other metrics settings the loops this replica runs start again on the new ones.
    /// </summary>
    private async Task RestartOnReloadAsync(CancellationToken stoppingToken)
    {
        string? settings = null;
        try
        {
            await foreach (var state in scenarios.WatchAsync(stoppingToken))
            {
                var now = state.Scenario.Metrics.Key + "|" + state.Scenario.Targets.ApplicationNamespace;
                if (settings is not null && settings != now)
                {
                    await RestartPollingAsync();
                }

                settings = now;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RestartPollingAsync()
    {
        await _gate.WaitAsync();
        try
        {
            foreach (var feed in _feeds.Values.Where(f => f.Polling))
            {
                await feed.StopPollingAsync();
                feed.StartPolling();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private Task OnLeadershipChangedAsync(bool leads)
    {
        // Not awaited: the election's loop must not wait on Redis here.
        _ = ReconcileAllAsync();
        return Task.CompletedTask;
    }

    /// <summary>The leader looks at every feed any replica ever asked for (a few: one per window and view).</summary>
    private async Task ReconcileAllAsync()
    {
        if (leadership.IsLeader)
        {
            try
            {
                foreach (var name in await redis.Database.SetMembersAsync(Known))
                {
                    FeedNamed(name.ToString());
                }
            }
            catch (Exception ex) when (RedisReplicaConnection.IsUnavailable(ex))
            {
                // Only the feeds this replica knows then; its own screens keep theirs.
            }
        }

        foreach (var feed in _feeds.Values)
        {
            await ReconcileAsync(feed);
        }
    }

    /// <summary>Polls the feed if this replica leads and some replica shows it; stops polling otherwise.</summary>
    private async Task ReconcileAsync(Feed feed)
    {
        await _gate.WaitAsync();
        try
        {
            var poll = leadership.IsLeader && (Volatile.Read(ref feed.Watchers) > 0 || await WantedElsewhereAsync(feed.Name));
            if (poll && !feed.Polling)
            {
                feed.StartPolling();
                LogPolling(feed.Name);
            }
            else if (!poll && feed.Polling)
            {
                await feed.StopPollingAsync();
                LogStoppedPolling(feed.Name);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var feed in _feeds.Values)
        {
            await feed.DisposeAsync();
        }
    }

    [LoggerMessage(EventId = 1484, Level = LogLevel.Information, Message = "Leading: polling the metrics feed {Feed} for the replicas that show it")]
    private partial void LogPolling(string feed);

    [LoggerMessage(EventId = 1485, Level = LogLevel.Information, Message = "Stopped polling the metrics feed {Feed} (no replica shows it, or not leading)")]
    private partial void LogStoppedPolling(string feed);
}
