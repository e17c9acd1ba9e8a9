using System.Text.Json.Nodes;
using System.Threading.Channels;
using DemoConsole.Core.Recording;

namespace DemoConsole.Web.Replicas;

/// <summary>
/// Recordings across console replicas (<see cref="IRecordingReplicas"/>): the leader records, the switch is shared in
/// Redis and the leader follows it, and every replica's recordings folder is kept a copy of the shared recordings
/// (<see cref="RecordingCopies"/>). It looks every <see cref="SharedSession.SyncEvery"/>, and sooner (at most every
/// <see cref="LookEvery"/>) when the recorder wrote a line, a replica announced a change, or the recorder's status or
/// the leadership changed: a line reaches Redis and the other replicas' copies within about a second, and a leader
/// killed loses at most that much of its recording. Redis away: each replica keeps what it has, and the next look
/// after it is back catches up.
/// </summary>
public sealed partial class SharedRecordings(
    RedisReplicaConnection redis,
    ReplicaLeadership leadership,
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<SharedRecordings> logger) : BackgroundService, IRecordingReplicas
{
    private readonly RedisRecordingIndex _index = new(redis);
    /// <summary>The least time between two looks while lines are being written: a burst's progress is ten lines a second.</summary>
    public static readonly TimeSpan LookEvery = TimeSpan.FromMilliseconds(500);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Channel<bool> _kick = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private Recorder _recorder = null!;
    private RecordingCopies? _copies;
    private volatile bool _switchOnUnlessSet;
    private bool? _switchApplied;
    private bool _tookOver;
    private bool _subscribed;
    private RecorderStatus? _published;

    public bool RecordsHere => leadership.IsLeader;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await ApplicationStarted.WaitAsync(lifetime, stoppingToken))
        {
            return;
        }

        _recorder = services.GetRequiredService<Recorder>();
        _copies = _recorder.Store is { } store ? new RecordingCopies(_index, store, redis.ReplicaId, () => _recorder.CurrentPath) : null;
        leadership.Changed += OnLeadershipChangedAsync;
        _recorder.LineWritten += Kick;
        _tookOver = leadership.IsLeader;
        var statuses = FollowRecorderAsync(stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await GuardedAsync(SyncAsync);
                await Task.Delay(LookEvery, time, stoppingToken);
                await WaitAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        leadership.Changed -= OnLeadershipChangedAsync;
        _recorder.LineWritten -= Kick;
        await statuses;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_recorder is not null)
        {
            // What the leader wrote last (the recorder closes its file at shutdown) reaches Redis if it can.
            await GuardedAsync(SyncAsync);
        }
    }

    private async Task FollowRecorderAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var _ in _recorder.WatchAsync(stoppingToken))
            {
                Kick();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Kick() => _kick.Writer.TryWrite(true);

    private async Task WaitAsync(CancellationToken stoppingToken)
    {
        using var period = new CancellationTokenSource(SharedSession.SyncEvery - LookEvery, time);
        using var tick = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, period.Token);
        try
        {
            await _kick.Reader.WaitToReadAsync(tick.Token);
            _kick.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The periodic look.
        }
    }

    private Task OnLeadershipChangedAsync(bool leads)
    {
        if (!leads)
        {
            // Stop writing at once: the next leader starts its own file; this one's lines reach Redis at the next look.
            _recorder.RecordHere(false);
            _switchApplied = null;
        }

        _tookOver = leads;
        Kick();
        return Task.CompletedTask;
    }

    private async Task SyncAsync()
    {
        await SubscribeOnceAsync();
        if (_switchOnUnlessSet)
        {
            await _index.SetSwitchUnlessSetAsync(true);
            _switchOnUnlessSet = false;
        }

        if (leadership.IsLeader)
        {
            await LeadAsync();
        }
        else if (await _index.StatusAsync() is { } status)
        {
            _recorder.Follow(status);
        }

        var writing = leadership.IsLeader && _recorder.Status is { Recording: true, FileName: { } file } ? file : null;
        if (_copies is not null && await _copies.SyncAsync(writing))
        {
            await _index.AnnounceAsync();
        }
    }

    /// <summary>The leader: ends what a previous leader left running, follows the switch, shares its file and its status.</summary>
    private async Task LeadAsync()
    {
        if (_tookOver)
        {
            var interrupted = _copies is null ? 0 : await _copies.InterruptOthersAsync();
            LogTookOver(interrupted);
            _tookOver = false;
            _published = null;
        }

        var wanted = await _index.SwitchAsync();
        if (wanted is null)
        {
            // Nobody set it (Redis restarted empty): what this replica does stands.
            await _index.SetSwitchUnlessSetAsync(_recorder.Status.Recording);
        }
        else if (wanted != _switchApplied)
        {
            var result = _recorder.RecordHere(wanted.Value);
            _switchApplied = wanted;
            if (!result.Succeeded)
            {
                LogSwitchFailed(wanted.Value ? "on" : "off", result.Error ?? "");
            }
        }

        var status = _recorder.Status;
        if (_copies is not null && status is { Recording: true, FileName: { } file })
        {
            await _copies.RecordingAsync(file);
        }

        if (status != _published)
        {
            await _index.SetStatusAsync(status);
            await _index.AnnounceAsync();
            _published = status;
        }
    }

    private async Task SubscribeOnceAsync()
    {
        if (_subscribed)
        {
            return;
        }

        var changes = await redis.Subscriber.SubscribeAsync(RedisReplicaConnection.Channel(RedisRecordingIndex.ChangedChannel));
        changes.OnMessage(message =>
        {
            if (message.Message != redis.ReplicaId)
            {
                Kick();
            }
        });
        var offers = await redis.Subscriber.SubscribeAsync(RedisReplicaConnection.Channel(RedisRecordingIndex.OffersChannel));
        offers.OnMessage(message =>
        {
            var text = message.Message.ToString();
            var split = text.IndexOf('\n', StringComparison.Ordinal);
            if (leadership.IsLeader && split > 0 && JsonNode.Parse(text[(split + 1)..]) is JsonObject snapshot)
            {
                _recorder.OfferedElsewhere(text[..split], snapshot);
            }
        });
        _subscribed = true;
    }

    private async Task GuardedAsync(Func<Task> work)
    {
        await _gate.WaitAsync();
        try
        {
            await work();
        }
        catch (Exception ex) when (RedisReplicaConnection.IsUnavailable(ex))
        {
            // Redis away: each replica keeps what it has; the next look after it is back catches up.
        }
        catch (IOException ex)
        {
            // A copy that cannot be written here (disk full): the others are unaffected; tried again next time.
            LogCopyFailed(ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(EventId = 1460, Level = LogLevel.Warning, Message = "Leading now: {Count} recording(s) the previous leader was writing end where they reached Redis")]
    private partial void LogTookOver(int count);

    [LoggerMessage(EventId = 1461, Level = LogLevel.Warning, Message = "The shared recording switch says {State}, but this replica cannot: {Error}")]
    private partial void LogSwitchFailed(string state, string error);

    [LoggerMessage(EventId = 1462, Level = LogLevel.Warning, Message = "A shared recording could not be copied into this replica's folder")]
    private partial void LogCopyFailed(Exception exception);
}
