using System.Text.Json;
using DemoConsole.Core.Recording;
using DemoConsole.Core.Session;

namespace DemoConsole.Web.Replicas;

/// <summary>
/// Keeps the session (part, timers, checklist, driver, audience theme) the same on every replica. A command runs on
/// the replica whose screen or API got it, with the same role checks as always; the new session is then written to
/// Redis only if nobody wrote since this replica last saw it (a version compare in one script) and announced; the
/// other replicas take it over. When two presenters on two replicas change it in the same instant, the first write
/// wins and the other replica takes it over too: every screen ends on the same state. Connected presenters are not
/// part of it (see <see cref="SharedPresence"/>). A check every <see cref="SyncEvery"/> catches up on a missed
/// announcement and sends again what could not be written while Redis was away.
/// </summary>
public sealed partial class SharedSession(RedisReplicaConnection redis, DemoSession session, TimeProvider time, ILogger<SharedSession> logger)
    : BackgroundService
{
    public static readonly TimeSpan SyncEvery = TimeSpan.FromSeconds(2);

    /// <summary>How long a replica with nothing new leaves an empty Redis to one with a change made while it was away.</summary>
    private static readonly TimeSpan EmptyWait = TimeSpan.FromSeconds(5);

    private readonly SharedSlot _slot = new(redis, "session");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _version;
    private string? _shared;
    private bool _subscribed;
    private bool _unavailable;
    private DateTimeOffset? _emptySince;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        redis.Restored += OnRestored;
        await SyncAsync();
        var periodic = SyncPeriodicallyAsync(stoppingToken);
        try
        {
            await foreach (var _ in session.WatchAsync(stoppingToken))
            {
                await PushAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        redis.Restored -= OnRestored;
        await periodic;
    }

    private void OnRestored() => _ = SyncAsync();

    private async Task SyncPeriodicallyAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SyncEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SyncAsync();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Takes over a newer shared session, or writes ours where Redis has none (or an older one, after a restart of Redis).</summary>
    private async Task SyncAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (!_subscribed)
            {
                await _slot.SubscribeAsync(ReceivedAsync);
                _subscribed = true;
            }

            var stored = await _slot.ReadAsync();
            var changedHere = Shareable(session.Snapshot) != _shared;
            var now = time.GetUtcNow();
            _emptySince = stored is null ? _emptySince ?? now : null;
            if (stored is { } newer && newer.Version > _version)
            {
                Adopt(newer.Version, newer.Json);
            }
            else if (stored is { } older && older.Version < _version)
            {
                await WriteAsync(older.Version, Shareable(session.Snapshot));
            }
            else if (stored is null && (changedHere || now - _emptySince >= EmptyWait))
            {
                // Redis came back empty (or this is the first replica). A replica with a change made while Redis was
                // away writes at once; one with nothing new waits a few checks, so that change is not overwritten by
                // a session that merely was there before.
                await WriteAsync(0, Shareable(session.Snapshot));
            }

            if (stored is not null)
            {
                await PushUnderGateAsync();
            }

            Available();
        }
        catch (Exception ex) when (RedisReplicaConnection.IsUnavailable(ex))
        {
            Unavailable(ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task PushAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await PushUnderGateAsync();
        }
        catch (Exception ex) when (RedisReplicaConnection.IsUnavailable(ex))
        {
            // Kept here; the next check after Redis is back sends it.
            Unavailable(ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Writes this replica's session if it changed here since it was last shared; taken over when another write came first.</summary>
    private async Task PushUnderGateAsync()
    {
        var current = Shareable(session.Snapshot);
        if (current == _shared)
        {
            return;
        }

        if (!await WriteAsync(_version, current) && await _slot.ReadAsync() is { } winner)
        {
            LogConflict(winner.Version);
            Adopt(winner.Version, winner.Json);
        }
    }

    private async Task<bool> WriteAsync(long expected, string json)
    {
        var next = Math.Max(expected, _version) + 1;
        if (!await _slot.WriteIfAsync(expected, next, json))
        {
            return false;
        }

        (_version, _shared) = (next, json);
        return true;
    }

    private async Task ReceivedAsync(long version, string json)
    {
        await _gate.WaitAsync();
        try
        {
            if (version > _version)
            {
                Adopt(version, json);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Adopt(long version, string json)
    {
        if (JsonSerializer.Deserialize<SessionSnapshot>(json, RecordingJson.Options) is { } shared)
        {
            session.Restore(shared);
            (_version, _shared) = (version, Shareable(session.Snapshot));
        }
    }

    /// <summary>What replicas share: everything but the version (each replica's own count) and who is connected here.</summary>
    private static string Shareable(SessionSnapshot snapshot) =>
        JsonSerializer.Serialize(snapshot with { Version = 0, Presenters = [] }, RecordingJson.Options);

    private void Unavailable(Exception ex)
    {
        if (!_unavailable)
        {
            _unavailable = true;
            LogUnavailable(ex.GetType().Name);
        }
    }

    private void Available() => _unavailable = false;

    [LoggerMessage(EventId = 1420, Level = LogLevel.Warning, Message = "The shared session cannot be reached ({Failure}); changes stay here until Redis is back")]
    private partial void LogUnavailable(string failure);

    [LoggerMessage(EventId = 1421, Level = LogLevel.Warning, Message = "Another replica changed the session first (version {Version}); this replica's change gives way to it")]
    private partial void LogConflict(long version);
}
