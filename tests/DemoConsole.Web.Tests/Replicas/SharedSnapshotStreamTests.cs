using System.Collections.Concurrent;
using System.Text.Json;
using DemoConsole.Core.Observability;
using DemoConsole.Core.Recording;
using DemoConsole.Tests.Shared;
using DemoConsole.Web.Replicas;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DemoConsole.Web.Tests.Replicas;

/// <summary>A leader's burst of snapshots: its own screens get each, Redis the newest at most once per write interval.</summary>
public sealed class SharedSnapshotStreamTests
{
    [Fact]
    public async Task LeaderPublishesABurst_RedisGetsTheNewest_OncePerInterval()
    {
        await using var redis = await RealRedis.StartAsync();
        using var connection = new RedisReplicaConnection(redis.ConnectionString, NullLogger<RedisReplicaConnection>.Instance);
        using var leadership = new ReplicaLeadership(connection, TimeProvider.System, NullLogger<ReplicaLeadership>.Instance);
        await leadership.StartAsync(CancellationToken.None);
        await AsyncWait.UntilAsync(() => leadership.IsLeader, "to lead");
        var announced = new ConcurrentQueue<long>();
        await connection.Subscriber.SubscribeAsync(RedisReplicaConnection.Channel("test:alerts"), (_, message) =>
            announced.Enqueue(JsonSerializer.Deserialize<AlertsSnapshot>(message.ToString().Split('\n', 2)[1], RecordingJson.Options)!.Version));
        // The stream's own clock stands still: its writer cannot write twice without it moving on.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var stream = new SharedSnapshotStream<AlertsSnapshot>(connection, leadership, "test:alerts", new AlertsSnapshot(), (s, _, _) => s, time,
            NullLogger.Instance);
        stream.Start();

        for (var i = 1; i <= 50; i++)
        {
            stream.PublishAsLeader(new AlertsSnapshot { Version = i });
        }

        Assert.Equal(50, stream.Current.Version);
        await AsyncWait.UntilAsync(() => !announced.IsEmpty, "the first write");
        // Moved on until the newest is written (the writer may start waiting only after a move): each move allows one
        // write, and after the first there is only the newest left to write.
        await AsyncWait.UntilAsync(() =>
        {
            time.Advance(SharedRunBoard.WriteEvery);
            return announced.Contains(50);
        }, "the newest to be written after the interval");

        Assert.InRange(announced.Count, 1, 2);
        await leadership.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task DisposedTwice_TheSecondDoesNothing()
    {
        // A host stops its services twice (a clean stop, then the disposal of the host): the metrics feeds then dispose
        // their streams twice, which once threw ObjectDisposedException out of the host's stop.
        await using var redis = await RealRedis.StartAsync();
        using var connection = new RedisReplicaConnection(redis.ConnectionString, NullLogger<RedisReplicaConnection>.Instance);
        using var leadership = new ReplicaLeadership(connection, TimeProvider.System, NullLogger<ReplicaLeadership>.Instance);
        var stream = new SharedSnapshotStream<AlertsSnapshot>(connection, leadership, "test:alerts", new AlertsSnapshot(), (s, _, _) => s, TimeProvider.System,
            NullLogger.Instance);
        stream.Start();

        await stream.DisposeAsync();
        await stream.DisposeAsync();
    }
}
