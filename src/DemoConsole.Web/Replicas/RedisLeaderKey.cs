using StackExchange.Redis;

namespace DemoConsole.Web.Replicas;

/// <summary>
/// The key in Redis naming the leader, with a time to live its holder renews. It is the Redis lock itself
/// (<see cref="RedisLockElection"/>), and whichever election runs, the fence of the shared state: only the replica it
/// names may write as leader (<see cref="SharedSlot.WriteAsLeaderAsync"/>), so a deposed leader cannot overwrite its
/// successor. With the Lease election the Lease's holder claims it on taking the lead and keeps it renewed.
/// </summary>
public sealed class RedisLeaderKey(RedisReplicaConnection redis)
{
    public static readonly RedisKey Key = RedisReplicaConnection.Key("leader");

    // Renewed while this replica holds it; taken again when nobody does (Redis restarted empty under a living leader).
    private const string RenewScript = """
        local holder = redis.call('get', KEYS[1])
        if holder == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
        if not holder then redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
        return 0
        """;
    private const string ReleaseScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    /// <summary>Takes the key if nobody holds it.</summary>
    public Task<bool> TryTakeAsync(TimeSpan lease) => redis.Database.StringSetAsync(Key, redis.ReplicaId, lease, When.NotExists);

    /// <summary>Takes the key whoever held it: for a leader chosen elsewhere (the Lease), whose predecessor has stepped down.</summary>
    public Task<bool> ClaimAsync(TimeSpan lease) => redis.Database.StringSetAsync(Key, redis.ReplicaId, lease);

    /// <summary>Extends the key if this replica holds it, or takes it if nobody does; false when another replica holds it.</summary>
    public async Task<bool> RenewAsync(TimeSpan lease) =>
        (long)await redis.Database.ScriptEvaluateAsync(RenewScript, [Key], [redis.ReplicaId, (long)lease.TotalMilliseconds]) == 1;

    /// <summary>Deletes the key if this replica holds it.</summary>
    public Task ReleaseAsync() => redis.Database.ScriptEvaluateAsync(ReleaseScript, [Key], [redis.ReplicaId]);

    /// <summary>The replica the key names, or null.</summary>
    public async Task<string?> HolderAsync()
    {
        var holder = await redis.Database.StringGetAsync(Key);
        return holder.HasValue ? holder.ToString() : null;
    }
}
