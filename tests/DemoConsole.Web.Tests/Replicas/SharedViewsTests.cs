using System.Text.Json;
using DemoConsole.Core.Cluster;
using DemoConsole.Core.Observability;
using DemoConsole.Core.Recording;
using DemoConsole.Sandbox;
using DemoConsole.Tests.Shared;
using DemoConsole.Web.Replicas;
using k8s;

namespace DemoConsole.Web.Tests.Replicas;

/// <summary>
/// Two replicas' shared views on one real Redis and one sandbox cluster: only the leader watches the cluster and polls
/// the metrics, the follower's <see cref="IClusterViews"/> and <see cref="IMetricsFeeds"/> give the leader's snapshots,
/// the work moves with the leadership, and a follower whose Redis went away says so, then catches up when it is back.
/// </summary>
public sealed class SharedViewsTests : IAsyncLifetime
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private static readonly string GoldenFeed = "metrics:golden:900";
    private RealRedis _redis = null!;
    private SharedCluster _shared = null!;
    private readonly List<IAsyncDisposable> _owned = [];

    public async Task InitializeAsync()
    {
        _redis = await RealRedis.StartAsync();
        _shared = await SharedCluster.StartAsync();
    }

    public async Task DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }

        await _shared.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Follower_ShowsTheLeadersClusterViews_WithoutWatchingTheCluster()
    {
        var (leader, follower) = await StartPairAsync();
        await using var shown = new Latest<ClusterViewsSnapshot>(follower.Views.WatchAsync);
        await AsyncWait.UntilAsync(() => shown.Value is { Synced: true } s && s.Pods.Count > 10, "the follower to show the leader's synced views");

        var victim = await DeleteAPodAsync();
        await AsyncWait.UntilAsync(() => shown.Value!.Pods.All(p => p.Name != victim), "the follower to show the pod gone");
        // The same snapshot on both, once the leader has written its newest.
        await AsyncWait.UntilAsync(() => Json(leader.Views.Current) == Json(follower.Views.Current), "both replicas to show the very same snapshot");

        Assert.True(leader.Views.Watching);
        Assert.False(follower.Views.Watching);
        Assert.Equal(1, leader.ViewsMade);
        Assert.Equal(0, follower.ViewsMade);
    }

    [Fact]
    public async Task Follower_WatchesGoldenSignals_TheLeaderPollsForIt_AndStopsWhenNobodyWatches()
    {
        var (leader, follower) = await StartPairAsync();
        leader.MetricsClient.Range = _ => MetricsResult.Ok<IReadOnlyList<MetricSeries>>(
            [new MetricSeries(new Dictionary<string, string> { ["destination_service_name"] = "blog-service", ["pod"] = "prod-blog-service-0", ["response_code"] = "200" },
                [new MetricPoint(DateTimeOffset.UtcNow, 12.5)])]);

        await using (var shown = new Latest<GoldenSignalsSnapshot>(token => follower.Feeds.WatchGoldenSignalsAsync(Window, token)))
        {
            await AsyncWait.UntilAsync(() => shown.Value is { Version: > 0, Health.State: MetricsState.Up }, "the follower to show the leader's first round");
            Assert.Equal(Window, shown.Value!.Window);
            Assert.Contains(shown.Value.RpsByService, r => r.Label == "blog-service");
            Assert.Equal([GoldenFeed], leader.Feeds.Polling);
            Assert.Empty(follower.Feeds.Polling);
            Assert.Equal(0, follower.MetricsClient.Calls);

            // The leader's own screen on the same feed sees the same snapshots (one poll loop for both).
            await using var onLeader = new Latest<GoldenSignalsSnapshot>(token => leader.Feeds.WatchGoldenSignalsAsync(Window, token));
            await AsyncWait.UntilAsync(() => onLeader.Value is { } l && shown.Value is { } f && Json(l) == Json(f), "both replicas to show the same round");
        }

        // No screen left anywhere: the leader stops polling once the follower's interest has run out.
        await AsyncWait.UntilAsync(() => leader.Feeds.Polling.Count == 0, "the leader to stop polling");
        var calls = leader.MetricsClient.Calls;
        Assert.Equal(0, follower.MetricsClient.Calls);
        Assert.True(calls > 0);
    }

    [Fact]
    public async Task ScenarioReloadedOnTheLeader_WithOtherQueries_TheFollowersOpenScreenGetsTheirResults()
    {
        var (leader, follower) = await StartPairAsync();
        const string Reloaded = "sum(rate(istio_requests_total{reporter=\"source\"}[1m])) by (destination_service_name)";
        var asked = new System.Collections.Concurrent.ConcurrentQueue<string>();
        leader.MetricsClient.Range = query =>
        {
            asked.Enqueue(query);
            return MetricsResult.Ok<IReadOnlyList<MetricSeries>>(query == Reloaded
                ? [new MetricSeries(new Dictionary<string, string> { ["destination_service_name"] = "reloaded-service" }, [new MetricPoint(DateTimeOffset.UtcNow, 3)])]
                : []);
        };
        await using var shown = new Latest<GoldenSignalsSnapshot>(token => follower.Feeds.WatchGoldenSignalsAsync(Window, token));
        await AsyncWait.UntilAsync(() => shown.Value is { Version: > 0 }, "the follower to show the leader's first round");

        var scenario = TestScenarios.ThreeParts();
        leader.Scenarios.Replace(scenario with
        {
            Metrics = scenario.Metrics with { Queries = new Dictionary<string, string> { [MetricQueries.TrafficByService] = Reloaded } },
        });

        await AsyncWait.UntilAsync(() => shown.Value!.RpsByService.Any(r => r.Label == "reloaded-service"), "the follower's open screen to show the reloaded query's results");
        Assert.Contains(Reloaded, asked);
        Assert.Equal(0, follower.MetricsClient.Calls);
    }

    [Fact]
    public async Task LeaderStepsDown_TheOtherWatchesAndPolls_AndTheFormerLeaderFollows()
    {
        var (first, second) = await StartPairAsync();
        await using var alerts = new Latest<AlertsSnapshot>(second.Feeds.WatchAlertsAsync);
        await AsyncWait.UntilAsync(() => alerts.Value is { Version: > 0 }, "the follower's alerts from the leader");
        Assert.Equal(0, second.MetricsClient.Calls);

        await first.StopElectionAsync();
        await AsyncWait.UntilAsync(() => second.Leadership.IsLeader, "the second to lead");
        await AsyncWait.UntilAsync(() => second.Views.Watching && !first.Views.Watching, "the watches to move to the new leader");
        await AsyncWait.UntilAsync(() => second.Feeds.Polling.Contains("metrics:alerts") && first.Feeds.Polling.Count == 0, "the polling to move to the new leader");
        await AsyncWait.UntilAsync(() => second.MetricsClient.Calls > 0, "the new leader to poll");

        // The former leader is a follower now: it shows what the new leader sees.
        await using var onFormer = new Latest<ClusterViewsSnapshot>(first.Views.WatchAsync);
        var victim = await DeleteAPodAsync();
        await AsyncWait.UntilAsync(() => onFormer.Value is { Synced: true } s && s.Pods.All(p => p.Name != victim), "the former leader to show the pod gone");
        Assert.Equal(1, second.ViewsMade);
    }

    [Fact]
    public async Task RedisRestarted_FollowerSaysSoMeanwhile_ThenResumesWithoutANewSubscription()
    {
        var (leader, follower) = await StartPairAsync();
        await using var views = new Latest<ClusterViewsSnapshot>(follower.Views.WatchAsync);
        await using var graph = new Latest<ServiceGraphSnapshot>(follower.Feeds.WatchServiceGraphAsync);
        await AsyncWait.UntilAsync(() => views.Value is { Synced: true } && graph.Value is { Version: > 0 }, "the follower to show the leader's views and graph");

        _redis.Kill();
        await AsyncWait.UntilAsync(() => views.Value!.Connection.Problem == SharedStateUnreachable.Message, "the follower's views to say the shared state is unreachable");
        Assert.Equal(ConnectionState.Reconnecting, views.Value!.Connection.State);
        Assert.NotEmpty(views.Value.Pods); // the last views stay, marked
        await AsyncWait.UntilAsync(() => graph.Value!.Health is { State: MetricsState.Down } h && h.Problem == SharedStateUnreachable.Message, "the follower's graph to say so too");

        await _redis.StartAgainAsync();
        await AsyncWait.UntilAsync(() => leader.Leadership.IsLeader != follower.Leadership.IsLeader, "one replica to lead again");
        var following = leader.Leadership.IsLeader ? follower : leader;
        await using var after = new Latest<ClusterViewsSnapshot>(following.Views.WatchAsync);
        var victim = await DeleteAPodAsync();
        // The screens that were open all along (same subscriptions) come back live.
        var onScreen = following == follower ? views : after;
        await AsyncWait.UntilAsync(() => onScreen.Value is { Connection.State: ConnectionState.Connected } s && s.Pods.All(p => p.Name != victim),
            "the following replica's views to be live again and show the pod gone");
        await AsyncWait.UntilAsync(() => graph.Value!.Health.State == MetricsState.Up, "the follower's graph to be live again");
    }

    private async Task<(InProcessReplica Leader, InProcessReplica Follower)> StartPairAsync()
    {
        var leader = await StartReplicaAsync();
        await AsyncWait.UntilAsync(() => leader.Leadership.IsLeader, "the first replica to lead");
        var follower = await StartReplicaAsync();
        return (leader, follower);
    }

    private async Task<InProcessReplica> StartReplicaAsync()
    {
        var replica = await InProcessReplica.StartAsync(_redis, _shared.Host.KubeconfigPath);
        _owned.Add(replica);
        return replica;
    }

    private async Task<string> DeleteAPodAsync()
    {
        var victim = (await _shared.Kube.CoreV1.ListNamespacedPodAsync("titanium-prod", labelSelector: "app=blog-service")).Items[0].Metadata.Name;
        await _shared.Kube.CoreV1.DeleteNamespacedPodAsync(victim, "titanium-prod");
        return victim;
    }

    private static string Json<T>(T snapshot) => JsonSerializer.Serialize(snapshot, RecordingJson.Options);
}
