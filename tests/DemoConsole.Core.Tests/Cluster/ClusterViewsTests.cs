using DemoConsole.Core.Cluster;
using DemoConsole.Tests.Shared;
using k8s;
using k8s.Models;

namespace DemoConsole.Core.Tests.Cluster;

public sealed class ClusterViewsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task WatchAsync_SeededWorld_ShowsPodsWorkloadsAndReplicaCheckPasses()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        await using var views = sandbox.Views();

        var snapshot = await SyncedAsync(views, s => s.Pods.Count(p => p.Namespace == "titanium-prod" && p.IsRunningAndReady) >= 10);

        Assert.Equal(ConnectionState.Connected, snapshot.Connection.State);
        Assert.Null(snapshot.Connection.Problem);
        var gateway = Assert.Single(snapshot.Workloads, w => w.Name == "prod-api-gateway-deployment");
        Assert.Equal(("Deployment", 2), (gateway.Kind, gateway.Desired));
        var gatewayPods = snapshot.Pods.Where(p => p.Owner == new WorkloadRef("Deployment", "prod-api-gateway-deployment")).ToList();
        Assert.Equal(2, gatewayPods.Count);
        Assert.All(gatewayPods, p => Assert.True(p.HasSidecar));
        Assert.All(gatewayPods, p => Assert.Equal("2/2", p.Ready));
        Assert.All(gatewayPods, p => Assert.Equal("Running", p.Status));
        Assert.Contains(snapshot.Workloads, w => w.Kind == "StatefulSet");
        Assert.True(snapshot.ReplicaCheck.Passed, snapshot.ReplicaCheck.Detail?.ToString());
        Assert.Contains("titanium-prod/prod-api-gateway-deployment", snapshot.ReplicaCheck.Checked);
        Assert.DoesNotContain("titanium-prod/prod-redis", snapshot.ReplicaCheck.Checked);
        Assert.Empty(snapshot.ReplicaCheck.Failing);
    }

    [Fact]
    public async Task WatchAsync_SeededWorld_ShowsMeshSecurityArgoAndAlertRules()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        await using var views = sandbox.Views();

        var snapshot = await SyncedAsync(views, s => s.PeerAuthentications.Count > 0 && s.AlertRules.Count > 0 && s.Applications.Count >= 3
            && s.NetworkPolicies.Count > 0 && s.Autoscalers.Count > 0);

        var mtls = Assert.Single(snapshot.Mtls, m => m.Namespace == "titanium-prod");
        Assert.Equal("STRICT", mtls.Mode);
        Assert.True(mtls.IsStrict);
        var errorRate = Assert.Single(snapshot.AlertRules, a => a.Alert == "HighErrorRate");
        Assert.Equal(0.05, errorRate.Threshold);
        Assert.Equal("5%", errorRate.ThresholdText);
        Assert.Equal(">", errorRate.Comparison);
        Assert.Equal("5m", errorRate.For);
        Assert.Equal("critical", errorRate.Severity);
        Assert.Contains("istio_requests_total", errorRate.Expr, StringComparison.Ordinal);
        Assert.Equal("500", Assert.Single(snapshot.AlertRules, a => a.Alert == "HighLatencyP95").ThresholdText);
        var app = Assert.Single(snapshot.Applications, a => a.Name == "titanium-prod");
        Assert.Equal(("Synced", "Healthy"), (app.Sync, app.Health));
        Assert.True(app.IsSyncedAndHealthy);
        var hpa = Assert.Single(snapshot.Autoscalers);
        Assert.Equal("cpu: 3%/70%, memory: 24%/80%", hpa.Targets);
        Assert.Equal((2, 5), (hpa.MinReplicas, hpa.MaxReplicas));
        var deny = Assert.Single(snapshot.NetworkPolicies, n => n.Name == "default-deny-all");
        Assert.Equal(("all pods", "nothing (deny all)"), (deny.PodSelector.ToString(), Assert.Single(deny.Ingress).ToString()));
        var toGateway = Assert.Single(snapshot.NetworkPolicies, n => n.Name == "allow-ingress-to-api-gateway");
        Assert.Equal("from namespace istio-system on TCP/8000", Assert.Single(toGateway.Ingress)?.ToString());
        Assert.Empty(snapshot.Problems);
        Assert.True(snapshot.SidecarCheck.Passed, snapshot.SidecarCheck.Detail?.ToString());
        Assert.Empty(snapshot.SidecarCheck.Missing);
        Assert.Contains("postgresql-0", snapshot.SidecarCheck.OptedOut);
        Assert.True(Assert.Single(snapshot.Pods, p => p.Name == "postgresql-0").SidecarOptOut);
    }

    [Fact]
    public async Task WatchAsync_PodDeleted_ShowsTerminatingThenReplacementReady()
    {
        // A slower clock so that Terminating lasts long enough (0.1-0.3 s) to be seen by a reader that skips to the newest snapshot.
        await using var sandbox = await ClusterSandbox.StartAsync(timeScale: 0.1);
        await using var views = sandbox.Views();
        var before = await SyncedAsync(views, s => BlogPods(s).Count(p => p.IsRunningAndReady) == 2);
        var victim = BlogPods(before).First();
        var terminating = AsyncWait.ForAsync(views.WatchAsync, s => s.Pods.Any(p => p.Name == victim.Name && p.Status == "Terminating"),
            "the victim shown as Terminating", Timeout);

        await sandbox.Client.CoreV1.DeleteNamespacedPodAsync(victim.Name, "titanium-prod");

        var seen = await terminating;
        Assert.False(Assert.Single(seen.Pods, p => p.Name == victim.Name).IsRunningAndReady);
        var after = await AsyncWait.ForAsync(views.WatchAsync,
            s => s.Pods.All(p => p.Name != victim.Name) && BlogPods(s).Count(p => p.IsRunningAndReady) == 2,
            "the victim gone and a Ready replacement", Timeout);
        Assert.DoesNotContain(BlogPods(after), p => p.Name == victim.Name);
        Assert.Equal(await FreshPodNamesAsync(sandbox), after.Pods.Where(p => p.Namespace == "titanium-prod").Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WatchAsync_MainDeploymentScaledToOne_ReplicaCheckFailsNamingIt()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        await using var views = sandbox.Views();
        await SyncedAsync(views, s => s.ReplicaCheck.Passed);

        await ScaleAsync(sandbox, "prod-blog-service-deployment", 1);

        var failed = await AsyncWait.ForAsync(views.WatchAsync, s => !s.ReplicaCheck.Passed && BlogPods(s).Count == 1, "the check failing and one blog pod", Timeout);
        var failing = Assert.Single(failed.ReplicaCheck.Failing);
        Assert.StartsWith("prod-blog-service-deployment: 1 replica", failing?.ToString(), StringComparison.Ordinal);
        Assert.Contains("prod-blog-service-deployment", failed.ReplicaCheck.Detail?.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single(failed.Workloads, w => w.Name == "prod-blog-service-deployment").Desired);

        await ScaleAsync(sandbox, "prod-blog-service-deployment", 3);
        var scaled = await AsyncWait.ForAsync(views.WatchAsync,
            s => s.Workloads.Any(w => w.Name == "prod-blog-service-deployment" && w.Ready == 3) && BlogPods(s).Count(p => p.IsRunningAndReady) == 3,
            "three Ready blog pods", Timeout);
        Assert.True(scaled.ReplicaCheck.Passed, scaled.ReplicaCheck.Detail?.ToString());
    }

    [Fact]
    public async Task WatchAsync_ApiServerRestarts_BannerReconnectsThenViewsMatchNewServer()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        await using var views = sandbox.Views();
        var before = await SyncedAsync(views, s => s.Connection.IsConnected && s.Pods.Count > 0);
        var reconnecting = AsyncWait.ForAsync(views.WatchAsync, s => s.Connection.State == ConnectionState.Reconnecting, "the Reconnecting banner", Timeout);

        await sandbox.RestartAsync();

        Assert.NotNull((await reconnecting).Connection.Problem);
        var fresh = await FreshPodNamesAsync(sandbox);
        var after = await AsyncWait.ForAsync(views.WatchAsync,
            s => s.Connection.IsConnected && s.Pods.Where(p => p.Namespace == "titanium-prod").Select(p => p.Name).Order(StringComparer.Ordinal).SequenceEqual(fresh),
            "the views to show the new server's pods", Timeout);
        Assert.Null(after.Connection.Problem);
        Assert.Empty(after.Pods.Select(p => p.Name).Intersect(BlogPods(before).Select(p => p.Name)));
    }

    [Fact]
    public async Task Current_ReadBeforeAnySubscriber_DoesNotStartWatching()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        await using var views = sandbox.Views();

        var before = views.Current;

        Assert.False(views.Started);
        Assert.Equal(0, before.Version);
        await SyncedAsync(views, _ => true);
        Assert.True(views.Started);
    }

    [Fact]
    public async Task Start_CalledTwice_StartsOnceAndTheViewsSync()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        await using var views = sandbox.Views();

        views.Start();
        views.Start();

        Assert.True(views.Started);
        await AsyncWait.UntilAsync(() => views.Current.Synced, "the views to sync after Start", Timeout);
        Assert.NotEmpty(views.Current.Pods);
    }

    internal static List<PodView> BlogPods(ClusterViewsSnapshot s) =>
        s.Pods.Where(p => p.Owner == new WorkloadRef("Deployment", "prod-blog-service-deployment")).ToList();

    internal static Task ScaleAsync(ClusterSandbox sandbox, string deployment, int replicas) =>
        sandbox.Client.AppsV1.PatchNamespacedDeploymentScaleAsync(
            new V1Patch(new V1Scale { Spec = new V1ScaleSpec { Replicas = replicas } }, V1Patch.PatchType.MergePatch), deployment, "titanium-prod");

    internal static async Task<List<string>> FreshPodNamesAsync(ClusterSandbox sandbox) =>
        (await sandbox.Client.CoreV1.ListNamespacedPodAsync("titanium-prod")).Items.Select(p => p.Metadata.Name).Order(StringComparer.Ordinal).ToList();

    private static Task<ClusterViewsSnapshot> SyncedAsync(ClusterViews views, Func<ClusterViewsSnapshot, bool> done) =>
        AsyncWait.ForAsync(views.WatchAsync, s => s.Synced && done(s), "the views to sync", Timeout);
}
