using DemoConsole.Core.Cluster;
using DemoConsole.Core.Observability;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Observability;
using DemoConsole.Web.Replicas;
using Microsoft.Extensions.Logging.Abstractions;

namespace DemoConsole.Web.Tests.Replicas;

/// <summary>
/// The shared-views part of one console replica, in the test's process: its own Redis connection and leader election
/// (the real ones, on a real <c>redis-server</c>), its <see cref="SharedClusterViews"/> over a real sandbox cluster and
/// its <see cref="SharedMetricsFeeds"/> over its own counting metrics client, so a test sees which replica asked what.
/// </summary>
internal sealed class InProcessReplica : IAsyncDisposable
{
    private readonly MetricsFeeds _innerFeeds;
    private int _viewsMade;
    private bool _electionStopped;

    private InProcessReplica(RealRedis redis, string kubeconfig)
    {
        Redis = new RedisReplicaConnection(redis.ConnectionString, NullLogger<RedisReplicaConnection>.Instance);
        Leadership = new ReplicaLeadership(Redis, TimeProvider.System, NullLogger<ReplicaLeadership>.Instance);
        var connection = new ClusterConnection(() => new ClusterTarget(ClusterMode.Kubeconfig, kubeconfig));
        var options = new ClusterViewsOptions();
        Views = new SharedClusterViews(options, () =>
        {
            Interlocked.Increment(ref _viewsMade);
            return new ClusterViews(options, connection, TimeProvider.System, NullLoggerFactory.Instance);
        }, Redis, Leadership, TimeProvider.System, NullLogger<SharedClusterViews>.Instance);
        _innerFeeds = new MetricsFeeds(MetricsClient, Scenarios, TimeProvider.System, NullLoggerFactory.Instance);
        Feeds = new SharedMetricsFeeds(_innerFeeds, Scenarios, Redis, Leadership, TimeProvider.System, NullLogger<SharedMetricsFeeds>.Instance);
    }

    public RedisReplicaConnection Redis { get; }

    public ReplicaLeadership Leadership { get; }

    public SharedClusterViews Views { get; }

    public SharedMetricsFeeds Feeds { get; }

    /// <summary>This replica's scenario (a test reloads it with <see cref="TestScenarioSource.Replace"/>).</summary>
    public TestScenarioSource Scenarios { get; } = new(TestScenarios.ThreeParts());

    /// <summary>What this replica asks Prometheus (the tests' answers: traffic on one service).</summary>
    public CountingMetricsClient MetricsClient { get; } = new();

    /// <summary>How many times this replica started the cluster informers (once per time it started leading).</summary>
    public int ViewsMade => Volatile.Read(ref _viewsMade);

    public static async Task<InProcessReplica> StartAsync(RealRedis redis, string kubeconfig)
    {
        var replica = new InProcessReplica(redis, kubeconfig);
        await replica.Leadership.StartAsync(CancellationToken.None);
        replica.Views.Start();
        await replica.Feeds.StartAsync(CancellationToken.None);
        return replica;
    }

    /// <summary>Stops this replica's election (a leader gives the lock back and steps down); the rest keeps running as a follower.</summary>
    public async Task StopElectionAsync()
    {
        _electionStopped = true;
        await Leadership.StopAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await Feeds.StopAsync(CancellationToken.None);
        await Views.DisposeAsync();
        if (!_electionStopped)
        {
            await Leadership.StopAsync(CancellationToken.None);
        }

        Leadership.Dispose();
        await _innerFeeds.DisposeAsync();
        Redis.Dispose();
    }
}

/// <summary>Follows a live stream in the background and keeps the newest item, as a screen does.</summary>
internal sealed class Latest<T> : IAsyncDisposable
    where T : class
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;
    private T? _value;

    public Latest(Func<CancellationToken, IAsyncEnumerable<T>> stream) => _reading = Task.Run(async () =>
    {
        try
        {
            await foreach (var item in stream(_stop.Token))
            {
                Volatile.Write(ref _value, item);
            }
        }
        catch (OperationCanceledException)
        {
        }
    });

    public T? Value => Volatile.Read(ref _value);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        _stop.Dispose();
    }
}
