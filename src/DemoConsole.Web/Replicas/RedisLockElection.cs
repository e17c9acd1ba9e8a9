using StackExchange.Redis;

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
    // Renewed while this replica holds it; taken again when nobody does (Redis restarted empty under a living leader).
    private const string Renew = """
        local holder = redis.call('get', KEYS[1])
        if holder == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
        if not holder then redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
        return 0
        """;
    private const string Release = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
    private static readonly RedisKey LockKey = RedisReplicaConnection.Key("leader");

    private volatile bool _held;
    private DateTimeOffset _leaseUntil;

    public string Description => $"Redis lock {(string?)LockKey}";

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
            var holder = await redis.Database.StringGetAsync(LockKey);
            return holder.HasValue ? holder.ToString() : null;
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
            await redis.Database.ScriptEvaluateAsync(Release, [LockKey], [redis.ReplicaId]);
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
            var held = _held
                ? (long)await redis.Database.ScriptEvaluateAsync(Renew, [LockKey], [redis.ReplicaId, (long)ReplicaLeadership.Lease.TotalMilliseconds]) == 1
                : await redis.Database.StringSetAsync(LockKey, redis.ReplicaId, ReplicaLeadership.Lease, When.NotExists);
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
