using System.Text.Json;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Recording;

namespace DemoConsole.Web.Replicas;

/// <summary>
/// The run board of the leader on every replica. The leader writes its board to Redis after each change (at most
/// every <see cref="WriteEvery"/>, so a burst's progress costs Redis ten writes a second, not one per request); the
/// others show it. A replica that becomes leader takes the last written board over: runs it shows as running were
/// cut off with the previous leader and end as interrupted (<see cref="ActionExecutor.TakeOver"/>). A replica that
/// stops leading stops its own runs in flight.
/// </summary>
public sealed partial class SharedRunBoard(
    RedisReplicaConnection redis,
    ReplicaLeadership leadership,
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<SharedRunBoard> logger) : BackgroundService
{
    public static readonly TimeSpan WriteEvery = TimeSpan.FromMilliseconds(100);

    private readonly SharedSlot _slot = new(redis, "runs");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _version;
    private long _writtenLocal = -1;
    private bool _subscribed;
    private ActionExecutor _executor = null!;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await ApplicationStarted.WaitAsync(lifetime, stoppingToken))
        {
            return;
        }

        _executor = services.GetRequiredService<ActionExecutor>();
        leadership.Changed += OnLeadershipChangedAsync;
        if (leadership.IsLeader)
        {
            // Became leader while the console was starting, before this service listened.
            await OnLeadershipChangedAsync(true);
        }

        redis.Restored += OnRestored;
        var periodic = SyncPeriodicallyAsync(stoppingToken);
        try
        {
            await foreach (var _ in _executor.WatchAsync(stoppingToken))
            {
                await GuardedAsync(WriteIfLeaderAsync);
                await Task.Delay(WriteEvery, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        leadership.Changed -= OnLeadershipChangedAsync;
        redis.Restored -= OnRestored;
        await periodic;
    }

    private void OnRestored() => _ = GuardedAsync(SyncAsync);

    private async Task SyncPeriodicallyAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SharedSession.SyncEvery, time);
        try
        {
            do
            {
                await GuardedAsync(SyncAsync);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Followers catch up on a missed announcement; the leader writes again what Redis lost or never got.</summary>
    private async Task SyncAsync()
    {
        if (!_subscribed)
        {
            await _slot.SubscribeAsync((version, json) => GuardedAsync(() => ReceivedAsync(version, json)));
            _subscribed = true;
        }

        var stored = await _slot.ReadAsync();
        if (leadership.IsLeader)
        {
            if (stored is null || stored.Value.Version != _version)
            {
                _writtenLocal = -1;
            }

            await WriteIfLeaderAsync();
        }
        else if (stored is { } newer && newer.Version != _version)
        {
            // Not only newer: after Redis restarted empty, a new leader counts from 1 again.
            await ReceivedAsync(newer.Version, newer.Json);
        }
    }

    private Task ReceivedAsync(long version, string json)
    {
        if (!leadership.IsLeader && version != _version && JsonSerializer.Deserialize<RunBoard>(json, RecordingJson.Options) is { } board)
        {
            _executor.Follow(board);
            _version = version;
        }

        return Task.CompletedTask;
    }

    private async Task WriteIfLeaderAsync()
    {
        var board = _executor.Board;
        if (!leadership.IsLeader || board.Version == _writtenLocal)
        {
            return;
        }

        if (await _slot.WriteAsLeaderAsync(_version + 1, JsonSerializer.Serialize(board, RecordingJson.Options)))
        {
            _version++;
            _writtenLocal = board.Version;
        }
    }

    private Task OnLeadershipChangedAsync(bool leads) => GuardedAsync(async () =>
    {
        if (!leads)
        {
            var stopped = _executor.StepDown();
            LogSteppedDown(stopped);
            return;
        }

        var stored = await _slot.ReadAsync();
        var previous = stored is { } found ? JsonSerializer.Deserialize<RunBoard>(found.Json, RecordingJson.Options) : null;
        _version = stored?.Version ?? 0;
        var interrupted = _executor.TakeOver(previous ?? RunBoard.Empty);
        LogTookOver(interrupted.Count);
        _writtenLocal = -1;
        await WriteIfLeaderAsync();
    });

    private async Task GuardedAsync(Func<Task> work)
    {
        await _gate.WaitAsync();
        try
        {
            await work();
        }
        catch (Exception ex) when (RedisReplicaConnection.IsUnavailable(ex))
        {
            // Redis away: this replica keeps showing what it has; the periodic check catches up when it is back.
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(EventId = 1430, Level = LogLevel.Warning, Message = "Leading now: took the run board over, {Count} run(s) of the previous leader ended as interrupted")]
    private partial void LogTookOver(int count);

    [LoggerMessage(EventId = 1431, Level = LogLevel.Warning, Message = "No longer leading: stopped {Count} run(s) in flight here")]
    private partial void LogSteppedDown(int count);
}
