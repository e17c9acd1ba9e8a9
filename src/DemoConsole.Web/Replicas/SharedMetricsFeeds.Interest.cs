using StackExchange.Redis;

namespace DemoConsole.Web.Replicas;

/// <summary>Which feeds some replica shows: the keys each replica keeps alive, and the nudge that wakes the leader.</summary>
public sealed partial class SharedMetricsFeeds
{
    private static readonly RedisKey Known = RedisReplicaConnection.Key("metrics-feeds");
    private static readonly RedisChannel Nudge = RedisReplicaConnection.Channel("metrics-wanted");

    private static RedisKey WantedKey(string feed) => RedisReplicaConnection.Key("metrics-wanted:" + feed);

    private async Task<bool> SubscribeAsync()
    {
        try
        {
            var queue = await redis.Subscriber.SubscribeAsync(Nudge);
            queue.OnMessage(async message =>
            {
                if (leadership.IsLeader && FeedNamed(message.Message.ToString()) is { } feed)
                {
                    await ReconcileAsync(feed);
                }
            });
            return true;
        }
        catch (Exception ex) when (RedisReplicaConnection.IsUnavailable(ex))
        {
            return false;
        }
    }

    /// <summary>Keeps this replica's interest in <paramref name="name"/> alive for <see cref="WantedFor"/>.</summary>
    private async Task AnnounceAsync(string name, bool nudge)
    {
        try
        {
            var batch = redis.Database.CreateBatch();
            var wanted = batch.StringSetAsync(WantedKey(name), redis.ReplicaId, WantedFor);
            var known = batch.SetAddAsync(Known, name);
            var published = nudge ? batch.PublishAsync(Nudge, name) : Task.CompletedTask;
            batch.Execute();
            await Task.WhenAll(wanted, known, published);
        }
        catch (Exception ex) when (RedisReplicaConnection.IsUnavailable(ex))
        {
            // Redis away: the leader cannot be told, nor can it send snapshots; the feed's screens say so.
        }
    }

    private async Task<bool> WantedElsewhereAsync(string name)
    {
        try
        {
            return await redis.Database.KeyExistsAsync(WantedKey(name));
        }
        catch (Exception ex) when (RedisReplicaConnection.IsUnavailable(ex))
        {
            return false;
        }
    }
}
