using StackExchange.Redis;

namespace DemoConsole.Web.Replicas;

/// <summary>
/// Chooses the one replica that runs the work that must run once (the actions a presenter started): a lock in Redis,
/// taken with SET NX and a time to live, renewed by its holder, given back on a clean stop. When the holder dies the
/// lock expires and another replica takes it at its next try: within <see cref="Lease"/> + <see cref="TryEvery"/>
/// (12 s). A holder that cannot renew (Redis away) steps down when its lease would have run out, so two replicas
/// never both believe they lead for longer than a renewal round.
/// </summary>
public sealed partial class ReplicaLeadership(RedisReplicaConnection redis, TimeProvider time, ILogger<ReplicaLeadership> logger) : BackgroundService
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan TryEvery = TimeSpan.FromSeconds(2);

    // Renewed while this replica holds it; taken again when nobody does (Redis restarted empty under a living leader).
    private const string Renew = """
        local holder = redis.call('get', KEYS[1])
        if holder == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
        if not holder then redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
        return 0
        """;
    private const string Release = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
    private static readonly RedisKey LockKey = RedisReplicaConnection.Key("leader");

    private volatile bool _isLeader;
    private DateTimeOffset _leaseUntil;

    public bool IsLeader => _isLeader;

    /// <summary>Raised on this replica becoming (true) or ceasing to be (false) the leader, on the election's task.</summary>
    public event Func<bool, Task>? Changed;

    /// <summary>The replica holding the lock now, or null (none, or Redis unreachable).</summary>
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TryEvery, time);
        do
        {
            await TryOnceAsync();
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_isLeader)
        {
            try
            {
                // Given back at once, so another replica leads at its next try instead of after the lease.
                await redis.Database.ScriptEvaluateAsync(Release, [LockKey], [redis.ReplicaId]);
            }
            catch (Exception ex) when (RedisReplicaConnection.IsUnavailable(ex))
            {
                // Redis away: the lease runs out by itself.
            }

            await SetAsync(false);
        }
    }

    private async Task TryOnceAsync()
    {
        var now = time.GetUtcNow();
        try
        {
            var held = _isLeader
                ? (long)await redis.Database.ScriptEvaluateAsync(Renew, [LockKey], [redis.ReplicaId, (long)Lease.TotalMilliseconds]) == 1
                : await redis.Database.StringSetAsync(LockKey, redis.ReplicaId, Lease, When.NotExists);
            if (held)
            {
                _leaseUntil = now + Lease;
            }

            await SetAsync(held);
        }
        catch (Exception ex) when (RedisReplicaConnection.IsUnavailable(ex))
        {
            // Cannot tell: keep leading only while the lease last renewed still holds.
            if (_isLeader && now >= _leaseUntil)
            {
                LogLeaseRanOut(ex.GetType().Name);
                await SetAsync(false);
            }
        }
    }

    private async Task SetAsync(bool leader)
    {
        if (leader == _isLeader)
        {
            return;
        }

        _isLeader = leader;
        LogChanged(redis.ReplicaId, leader ? "leads" : "follows");
        if (Changed is { } changed)
        {
            foreach (var handler in changed.GetInvocationList().Cast<Func<bool, Task>>())
            {
                await handler(leader);
            }
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

    [LoggerMessage(EventId = 1410, Level = LogLevel.Warning, Message = "Replica {Replica} now {Role}")]
    private partial void LogChanged(string replica, string role);

    [LoggerMessage(EventId = 1411, Level = LogLevel.Warning, Message = "The leader lease ran out without a renewal ({Failure}); this replica stops leading")]
    private partial void LogLeaseRanOut(string failure);
}
