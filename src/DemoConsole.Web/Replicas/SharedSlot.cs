using System.Globalization;
using StackExchange.Redis;

namespace DemoConsole.Web.Replicas;

/// <summary>
/// One piece of shared state in Redis: the latest value (JSON) with a version in a hash, and a channel on which every
/// new value is announced, so replicas get changes at once and a replica that missed one (or just started) reads the
/// latest. Writing and announcing happen in one script, so a reader never sees an announcement without its value.
/// </summary>
public sealed class SharedSlot(RedisReplicaConnection redis, string name)
{
    // Written when the stored version is the expected one, or when nothing is stored (Redis restarted empty).
    private const string WriteIfScript = """
        local stored = redis.call('hget', KEYS[1], 'v')
        if stored and stored ~= ARGV[1] then return 0 end
        redis.call('hset', KEYS[1], 'v', ARGV[2], 's', ARGV[3])
        redis.call('publish', ARGV[4], ARGV[2] .. '\n' .. ARGV[3])
        return 1
        """;

    // Written only by the replica the leader key names (RedisLeaderKey), so a deposed leader cannot overwrite its successor.
    private const string WriteAsLeaderScript = """
        if redis.call('get', KEYS[2]) ~= ARGV[1] then return 0 end
        redis.call('hset', KEYS[1], 'v', ARGV[2], 's', ARGV[3])
        redis.call('publish', ARGV[4], ARGV[2] .. '\n' .. ARGV[3])
        return 1
        """;

    private readonly RedisKey _key = RedisReplicaConnection.Key(name);
    private readonly RedisChannel _channel = RedisReplicaConnection.Channel(name);

    public async Task<(long Version, string Json)?> ReadAsync()
    {
        var values = await redis.Database.HashGetAsync(_key, ["v", "s"]);
        return values[0].HasValue && values[1].HasValue ? ((long)values[0], values[1].ToString()) : null;
    }

    /// <summary>The stored version alone, or null: a check that costs no value's bytes (a cluster's views are tens of kB).</summary>
    public async Task<long?> ReadVersionAsync()
    {
        var version = await redis.Database.HashGetAsync(_key, "v");
        return version.HasValue ? (long)version : null;
    }

    /// <summary>Stores <paramref name="json"/> as <paramref name="version"/> if the stored version is still <paramref name="expected"/>.</summary>
    public async Task<bool> WriteIfAsync(long expected, long version, string json) =>
        (long)await redis.Database.ScriptEvaluateAsync(WriteIfScript, [_key],
            [expected.ToString(CultureInfo.InvariantCulture), version, json, _channel.ToString()]) == 1;

    public async Task<bool> WriteAsLeaderAsync(long version, string json) =>
        (long)await redis.Database.ScriptEvaluateAsync(WriteAsLeaderScript, [_key, RedisLeaderKey.Key],
            [redis.ReplicaId, version, json, _channel.ToString()]) == 1;

    /// <summary>Calls <paramref name="received"/> with each announced value (in order, one at a time).</summary>
    public async Task SubscribeAsync(Func<long, string, Task> received)
    {
        var queue = await redis.Subscriber.SubscribeAsync(_channel);
        queue.OnMessage(async message =>
        {
            var text = message.Message.ToString();
            var split = text.IndexOf('\n', StringComparison.Ordinal);
            if (split > 0 && long.TryParse(text.AsSpan(0, split), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                await received(version, text[(split + 1)..]);
            }
        });
    }
}
