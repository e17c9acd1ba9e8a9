using System.Text.Json;
using System.Threading.Channels;
using DemoConsole.Core.Live;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Recording;

namespace DemoConsole.Web.Replicas;

/// <summary>
/// One live snapshot stream (the cluster views, one metrics feed) the same on every replica. The leader makes the
/// snapshots (<see cref="PublishAsLeader"/>): its own screens get each at once, Redis gets the newest at most every
/// <see cref="SharedRunBoard.WriteEvery"/> (a <see cref="SharedSlot"/>: the latest value in a key, announced on a channel).
/// Followers show what is announced, and read the key at start, every <see cref="SharedSession.SyncEvery"/> (a missed
/// announcement) and when Redis is back. A follower that cannot reach Redis does not show the last snapshot as if it
/// were live: it marks it (<c>markUnreachable</c>: the banner a lost cluster or Prometheus shows) until Redis answers.
/// </summary>
public sealed partial class SharedSnapshotStream<T> : IAsyncDisposable
    where T : class
{
    private readonly RedisReplicaConnection _redis;
    private readonly ReplicaLeadership _leadership;
    private readonly SharedSlot _slot;
    private readonly Func<T, UiMessage, DateTimeOffset, T> _markUnreachable;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SnapshotBroadcaster<T> _local;
    private readonly Channel<bool> _dirty = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _startGate = new();
    private Task _loops = Task.CompletedTask;
    private int _disposed;
    private bool _started;
    private bool _subscribed;
    private volatile T? _pending;
    private long _version = -1; // the slot version this replica wrote or showed last; -1: not known (read it first)
    private T? _unmarked; // what was shown before it was marked unreachable; null when not marked

    private bool Marked => _unmarked is not null;

    /// <param name="name">The Redis key and channel under <c>democonsole:</c>.</param>
    /// <param name="markUnreachable">The snapshot as a follower shows it while Redis is away (the message says so).</param>
    public SharedSnapshotStream(RedisReplicaConnection redis, ReplicaLeadership leadership, string name, T initial,
        Func<T, UiMessage, DateTimeOffset, T> markUnreachable, TimeProvider time, ILogger logger)
    {
        _redis = redis;
        _leadership = leadership;
        _slot = new SharedSlot(redis, name);
        Name = name;
        _markUnreachable = markUnreachable;
        _time = time;
        _logger = logger;
        _local = new SnapshotBroadcaster<T>(initial);
    }

    public string Name { get; }

    public T Current => _local.Current;

    /// <summary>The current snapshot, then each newer one (newest wins for a slow reader).</summary>
    public IAsyncEnumerable<T> SubscribeAsync(CancellationToken cancellationToken) => _local.SubscribeAsync(cancellationToken);

    /// <summary>Starts following Redis and writing the leader's snapshots to it, once.</summary>
    public void Start()
    {
        lock (_startGate)
        {
            if (_started)
            {
                return;
            }

            _started = true;
            _leadership.Changed += OnLeadershipChangedAsync;
            _redis.Restored += OnRestored;
            _loops = Task.WhenAll(
                Task.Run(() => WriteLoopAsync(_stop.Token)),
                Task.Run(() => SyncLoopAsync(_stop.Token)),
                Task.Run(() => ReachabilityLoopAsync(_stop.Token)));
        }
    }

    /// <summary>A snapshot the leader made: shown here now, written to Redis with the next write (newest wins).</summary>
    public void PublishAsLeader(T snapshot)
    {
        _local.Publish(snapshot);
        _pending = snapshot;
        _dirty.Writer.TryWrite(true);
    }

    private async Task WriteLoopAsync(CancellationToken stop)
    {
        try
        {
            while (await _dirty.Reader.WaitToReadAsync(stop))
            {
                _dirty.Reader.TryRead(out _);
                await GuardedAsync(WritePendingAsync);
                // At most one write per interval; what arrives meanwhile is written next, only the newest.
                await Task.Delay(SharedRunBoard.WriteEvery, _time, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task WritePendingAsync()
    {
        if (!_leadership.IsLeader || _pending is not { } snapshot)
        {
            return;
        }

        if (_version < 0)
        {
            // Newly leading: go on from the version the followers last saw, so they take the next one as new.
            _version = await _slot.ReadVersionAsync() ?? 0;
        }

        if (await _slot.WriteAsLeaderAsync(_version + 1, JsonSerializer.Serialize(snapshot, RecordingJson.Options)))
        {
            _version++;
            Interlocked.CompareExchange(ref _pending, null, snapshot);
        }
    }

    private async Task SyncLoopAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(SharedSession.SyncEvery, _time);
        try
        {
            do
            {
                await GuardedAsync(SyncAsync);
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>A follower reads what it missed; the leader writes again what Redis lost (restarted empty).</summary>
    private async Task SyncAsync()
    {
        if (!_subscribed)
        {
            await _slot.SubscribeAsync((version, json) => GuardedAsync(() => ReceivedAsync(version, json)));
            _subscribed = true;
        }

        var stored = await _slot.ReadVersionAsync();
        if (_leadership.IsLeader)
        {
            if (stored != _version && _version >= 0)
            {
                _version = stored ?? 0;
                _pending ??= _local.Current;
                _dirty.Writer.TryWrite(true);
            }
        }
        else if (stored is not null && (stored != _version || Marked) && await _slot.ReadAsync() is { } newer)
        {
            await ReceivedAsync(newer.Version, newer.Json);
        }
        else if (stored is null && _unmarked is { } last)
        {
            // Redis is back but empty (restarted, no leader yet): the last snapshot stays, no longer marked.
            _unmarked = null;
            _local.Publish(last);
        }
    }

    private Task ReceivedAsync(long version, string json)
    {
        // Not only newer: after Redis restarted empty, a new leader counts from 1 again.
        if (!_leadership.IsLeader && (version != _version || Marked) && JsonSerializer.Deserialize<T>(json, RecordingJson.Options) is { } snapshot)
        {
            _version = version;
            _unmarked = null;
            _local.Publish(snapshot);
        }

        return Task.CompletedTask;
    }

    private async Task ReachabilityLoopAsync(CancellationToken stop)
    {
        try
        {
            await foreach (var reachability in _redis.WatchAsync(stop))
            {
                if (!reachability.Reachable)
                {
                    await GuardedAsync(MarkUnreachableAsync);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private Task MarkUnreachableAsync()
    {
        // The leader keeps showing what it makes itself; it still reaches the cluster or Prometheus.
        if (!_leadership.IsLeader && !Marked)
        {
            _unmarked = _local.Current;
            LogUnreachable(Name);
            _local.Publish(_markUnreachable(_unmarked, SharedStateUnreachable.Message, _time.GetUtcNow()));
        }

        return Task.CompletedTask;
    }

    private void OnRestored() => _ = GuardedAsync(SyncAsync);

    private Task OnLeadershipChangedAsync(bool leads)
    {
        // Leading: the next write reads the stored version first. Following: read the leader's at once. Not awaited:
        // the election's loop must not wait on Redis here.
        _ = GuardedAsync(() =>
        {
            _version = -1;
            _pending = null;
            if (leads)
            {
                // What it shows from now on is its own; a later loss of Redis while following marks it again.
                _unmarked = null;
            }

            return leads ? Task.CompletedTask : SyncAsync();
        });
        return Task.CompletedTask;
    }

    private async Task GuardedAsync(Func<Task> work)
    {
        try
        {
            await _gate.WaitAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            await work();
        }
        catch (Exception ex) when (RedisReplicaConnection.IsUnavailable(ex))
        {
            // Redis away: a follower marks what it shows; the periodic read catches up when it is back.
            await MarkUnreachableAsync();
        }
        catch (JsonException ex)
        {
            // A value this version cannot read (a replica of another version wrote it): the last one stays.
            LogUnreadable(Name, ex.Message);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Once: a host may stop its services twice (a clean stop, then the disposal of the host).
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _leadership.Changed -= OnLeadershipChangedAsync;
        _redis.Restored -= OnRestored;
        await _stop.CancelAsync();
        await _loops.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    [LoggerMessage(EventId = 1480, Level = LogLevel.Warning, Message = "Redis is unreachable: the shared {Stream} shown here is marked as not live until it is back")]
    private partial void LogUnreachable(string stream);

    [LoggerMessage(EventId = 1481, Level = LogLevel.Warning, Message = "The shared {Stream} in Redis could not be read: {Problem}")]
    private partial void LogUnreadable(string stream, string problem);
}
