namespace DemoConsole.Web.Replicas;

/// <summary>
/// The leader as a lock in Redis, taken with SET NX and a time to live (<see cref="ReplicaLeadership.Lease"/>), renewed
/// by its holder every <see cref="ReplicaLeadership.TryEvery"/>, given back on a clean stop. When the holder dies the
/// lock expires and another replica takes it at its next try: within lease + one try (12 s). A holder that cannot renew
/// (Redis away) steps down when its lease would have run out, so two replicas never both believe they lead for longer
/// than a renewal round.
/// </summary>
public sealed partial class RedisLockElection(RedisReplicaConnection redis, TimeProvider time, ILogger<RedisLockElection> logger) : ILeaderElection
{
    private readonly RedisLeaderKey _lock = new(redis);

    private volatile bool _held;
    private DateTimeOffset _leaseUntil;

    public string Description => $"Redis lock {(string?)RedisLeaderKey.Key}";

    public string? Problem { get; private set; }

    public async Task RunAsync(Func<bool, Task> leads, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ReplicaLeadership.TryEvery, time);
        do
        {
            await TryOnceAsync(leads);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    public async Task<string?> CurrentLeaderAsync()
    {
        try
        {
            return await _lock.HolderAsync();
        }
        catch (Exception ex) when (RedisReplicaConnection.IsUnavailable(ex))
        {
            return null;
        }
    }

    public async Task ReleaseAsync()
    {
        if (!_held)
        {
            return;
        }

        try
        {
            await _lock.ReleaseAsync();
        }
        catch (Exception ex) when (RedisReplicaConnection.IsUnavailable(ex))
        {
            // Redis away: the lease runs out by itself.
        }

        _held = false;
    }

    private async Task TryOnceAsync(Func<bool, Task> leads)
    {
        var now = time.GetUtcNow();
        try
        {
            var held = _held ? await _lock.RenewAsync(ReplicaLeadership.Lease) : await _lock.TryTakeAsync(ReplicaLeadership.Lease);
            if (held)
            {
                _leaseUntil = now + ReplicaLeadership.Lease;
            }

            Problem = null;
            await SetAsync(held, leads);
        }
        catch (Exception ex) when (RedisReplicaConnection.IsUnavailable(ex))
        {
            Problem = ex.GetType().Name;

            // Cannot tell: keep leading only while the lease last renewed still holds.
            if (_held && now >= _leaseUntil)
            {
                LogLeaseRanOut(ex.GetType().Name);
                await SetAsync(false, leads);
            }
        }
    }

    private async Task SetAsync(bool held, Func<bool, Task> leads)
    {
        if (held != _held)
        {
            _held = held;
            await leads(held);
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 1411, Level = LogLevel.Warning, Message = "The leader lease ran out without a renewal ({Failure}); this replica stops leading")]
    private partial void LogLeaseRanOut(string failure);
}
