using System.Text.Json;
using DemoConsole.Core.Session;
using StackExchange.Redis;

namespace DemoConsole.Web.Replicas;

/// <summary>
/// Who is connected, across replicas: each replica writes the presenters connected to it under a key of its own that
/// expires unless renewed (<see cref="Expiry"/>), so a dead replica's presenters disappear by themselves, and reads the
/// others' into <see cref="DemoSession.SetPresentElsewhere"/>. Every <see cref="SharedSession.SyncEvery"/>: presence is
/// a list of names on screen, not state a command depends on within a second.
/// </summary>
public sealed class SharedPresence(RedisReplicaConnection redis, DemoSession session, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(10);

    private static readonly RedisKey Replicas = RedisReplicaConnection.Key("replicas");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SharedSession.SyncEvery, time);
        try
        {
            do
            {
                await ExchangeAsync();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ExchangeAsync()
    {
        try
        {
            var database = redis.Database;
            await database.StringSetAsync(Key(redis.ReplicaId), JsonSerializer.Serialize(session.PresentHere), Expiry);
            await database.SetAddAsync(Replicas, redis.ReplicaId);
            var others = (await database.SetMembersAsync(Replicas)).Select(m => m.ToString()).Where(id => id != redis.ReplicaId).ToList();
            var values = await database.StringGetAsync([.. others.Select(Key)]);
            var names = new List<string>();
            for (var i = 0; i < others.Count; i++)
            {
                if (values[i].HasValue)
                {
                    names.AddRange(JsonSerializer.Deserialize<List<string>>(values[i].ToString()) ?? []);
                }
                else
                {
                    // Expired: that replica is gone.
                    await database.SetRemoveAsync(Replicas, others[i]);
                }
            }

            session.SetPresentElsewhere(names);
        }
        catch (Exception ex) when (RedisReplicaConnection.IsUnavailable(ex))
        {
            // Redis away: the names last seen stay until it is back.
        }
    }

    private static RedisKey Key(string replica) => RedisReplicaConnection.Key("presence:" + replica);
}
