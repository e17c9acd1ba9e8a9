using Xunit.Abstractions;
using System.Net;
using System.Net.Sockets;
using DemoConsole.Core.Cluster;
using DemoConsole.Tests.Shared;
using k8s;
using k8s.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace DemoConsole.Core.Tests.Cluster;

public sealed class ResourceInformerTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task SubscribeAsync_ApiServerRestartsOnSamePort_ReconnectsAndConvergesToFreshList()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        await using var informer = sandbox.Informer(ResourceSources.Pods("titanium-prod"), logger: new TestOutputLogger(output));
        var before = await AsyncWait.ForAsync(informer.SubscribeAsync, s => s.Synced && s.Items.Count > 0, "the first list", Timeout);
        Assert.Equal(await FreshNamesAsync(sandbox), before.Items.Keys);

        var reconnecting = AsyncWait.ForAsync(informer.SubscribeAsync, s => s.Status.State == ConnectionState.Reconnecting, "Reconnecting", Timeout);

        await sandbox.RestartAsync();

        var lost = await reconnecting;
        Assert.NotNull(lost.Status.Problem);
        Assert.Contains("pods in titanium-prod", lost.Status.Problem?.ToString(), StringComparison.Ordinal);

        // The new API server has a new world (new pod names, a new resourceVersion history): only a re-list can show it.
        var fresh = await FreshNamesAsync(sandbox);
        Assert.NotEqual(before.Items.Keys, fresh);
        await ConvergedAsync(informer, sandbox);
        Assert.Equal(ConnectionState.Connected, informer.Current.Status.State);
        Assert.Null(informer.Current.Status.Problem);
        Assert.True(informer.Counters.Lists >= 2, $"{informer.Counters}");

        // And it keeps watching the new server.
        var victim = fresh.First(IsBlogPod);
        await sandbox.Client.CoreV1.DeleteNamespacedPodAsync(victim, "titanium-prod", gracePeriodSeconds: 0);
        await AsyncWait.ForAsync(informer.SubscribeAsync, s => !s.Items.ContainsKey(victim), "the deleted pod to leave the cache", Timeout);
    }

    [Fact]
    public async Task SubscribeAsync_StreamSilentLongerThanLimit_WatchdogRestartsAndStillSeesChanges()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        await using var informer = sandbox.Informer(ResourceSources.PeerAuthentications("titanium-prod"),
            new InformerOptions { SilenceTimeout = TimeSpan.FromMilliseconds(300), AllowBookmarks = false });
        await AsyncWait.ForAsync(informer.SubscribeAsync, s => s.Synced && s.Items.ContainsKey("default"), "the first list", Timeout);

        await AsyncWait.UntilAsync(() => informer.Counters.WatchdogRestarts >= 2, "two watchdog restarts", Timeout);
        await sandbox.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""{"spec":{"mtls":{"mode":"PERMISSIVE"}}}""", V1Patch.PatchType.MergePatch),
            "security.istio.io", "v1", "titanium-prod", "peerauthentications", "default");

        var after = await AsyncWait.ForAsync(informer.SubscribeAsync,
            s => s.Items.TryGetValue("default", out var pa) && PeerAuthenticationView.From(pa).Mode == "PERMISSIVE", "the patched mode", Timeout);
        Assert.Equal(ConnectionState.Connected, after.Status.State);
        Assert.True(informer.Counters.Lists >= 3, $"{informer.Counters}");
    }

    [Fact]
    public async Task SubscribeAsync_ClusterUnreachable_ReportsUnavailableWithMessageAndNeverThrows()
    {
        var kubeconfig = await ClosedPortKubeconfigAsync();
        using var connection = new ClusterConnection(() => new ClusterTarget(ClusterMode.Kubeconfig, kubeconfig));
        await using var informer = new ResourceInformer<V1Pod>(ResourceSources.Pods("titanium-prod"), connection, TimeProvider.System, NullLogger.Instance,
            new InformerOptions { InitialBackoff = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(100) });

        var snapshot = await AsyncWait.ForAsync(informer.SubscribeAsync, s => s.Status.State == ConnectionState.Unavailable, "the Unavailable state", Timeout);

        Assert.False(snapshot.Synced);
        Assert.Empty(snapshot.Items);
        Assert.Contains("not reachable", snapshot.Status.Problem?.ToString(), StringComparison.Ordinal);
        Assert.Contains("pods in titanium-prod", snapshot.Status.Problem?.ToString(), StringComparison.Ordinal);
        await AsyncWait.UntilAsync(() => informer.Counters.Failures >= 3, "retries with backoff", Timeout);
    }

    [Fact]
    public async Task SubscribeAsync_ApiServerForbids_ReportsUnavailableNamingThePermission()
    {
        await using var api = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 403;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Forbidden","code":403,"message":"pods is forbidden"}""");
        });
        var kubeconfig = await api.KubeconfigAsync();
        using var connection = new ClusterConnection(() => new ClusterTarget(ClusterMode.Kubeconfig, kubeconfig));
        await using var informer = new ResourceInformer<V1Pod>(ResourceSources.Pods("titanium-prod"), connection, TimeProvider.System, NullLogger.Instance);

        var snapshot = await AsyncWait.ForAsync(informer.SubscribeAsync, s => s.Status.State == ConnectionState.Unavailable, "the Unavailable state", Timeout);

        Assert.Equal("Not allowed to read pods in titanium-prod (403): the account lacks list/watch permission.", snapshot.Status.Problem?.ToString());
    }

    [Fact]
    public async Task SubscribeAsync_SandboxNotStarted_ReportsUnavailableWithReason()
    {
        using var connection = new ClusterConnection(() => new ClusterTarget(ClusterMode.Sandbox));
        await using var informer = new ResourceInformer<V1Pod>(ResourceSources.Pods("titanium-prod"), connection, TimeProvider.System, NullLogger.Instance);

        var snapshot = await AsyncWait.ForAsync(informer.SubscribeAsync, s => s.Status.State == ConnectionState.Unavailable, "the Unavailable state", Timeout);

        Assert.Equal("The embedded sandbox is not running yet.", snapshot.Status.Problem?.ToString());
    }

    [Fact]
    public async Task WatchAsync_ClusterUnreachable_ViewsShowUnavailableBanner()
    {
        var kubeconfig = await ClosedPortKubeconfigAsync();
        using var connection = new ClusterConnection(() => new ClusterTarget(ClusterMode.Kubeconfig, kubeconfig));
        await using var views = new ClusterViews(new ClusterViewsOptions(), connection, TimeProvider.System, NullLoggerFactory.Instance);

        var snapshot = await AsyncWait.ForAsync(views.WatchAsync, s => s.Connection.State == ConnectionState.Unavailable, "the banner", Timeout);

        Assert.Contains("not reachable", snapshot.Connection.Problem?.ToString(), StringComparison.Ordinal);
        Assert.False(snapshot.Synced);
        Assert.Empty(snapshot.Pods);
        Assert.False(snapshot.ReplicaCheck.Passed);
    }

    [Fact]
    public async Task WatchAsync_ClusterComesUpLater_ViewsGoFromUnavailableToConnected()
    {
        var kubeconfig = await ClosedPortKubeconfigAsync();
        var port = new Uri(Server(kubeconfig)).Port;
        using var connection = new ClusterConnection(() => new ClusterTarget(ClusterMode.Kubeconfig, kubeconfig));
        var options = new ClusterViewsOptions { Informer = new InformerOptions { InitialBackoff = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(200) } };
        await using var views = new ClusterViews(options, connection, TimeProvider.System, NullLoggerFactory.Instance);
        await AsyncWait.ForAsync(views.WatchAsync, s => s.Connection.State == ConnectionState.Unavailable, "the banner", Timeout);

        await using var sandbox = await ClusterSandbox.StartAsync(port, kubeconfig);

        var snapshot = await AsyncWait.ForAsync(views.WatchAsync, s => s.Synced && s.Connection.IsConnected && s.ReplicaCheck.Passed && s.Problems.Count == 0 && s.Mtls.Any(m => m.IsStrict),
            "the views to connect and every optional view to recover", Timeout);
        Assert.Null(snapshot.Connection.Problem);
        Assert.Contains(snapshot.Mtls, m => m.Namespace == "titanium-prod" && m.IsStrict);
    }

    internal static string Server(string kubeconfig) =>
        File.ReadAllLines(kubeconfig).Select(l => l.Trim()).First(l => l.StartsWith("server:", StringComparison.Ordinal))["server:".Length..].Trim();

    internal static async Task<string> ClosedPortKubeconfigAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var path = Path.Combine(Directory.CreateTempSubdirectory("closed-port-").FullName, "kubeconfig");
        await File.WriteAllTextAsync(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: closed
              cluster:
                server: http://127.0.0.1:{port}
            contexts:
            - name: closed
              context:
                cluster: closed
                user: nobody
            current-context: closed
            users:
            - name: nobody
              user:
                token: unused
            """);
        return path;
    }

    /// <summary>Waits until the informer's cache holds exactly what a fresh list shows (the list is retaken while the world moves).</summary>
    internal static async Task ConvergedAsync(ResourceInformer<V1Pod> informer, ClusterSandbox sandbox)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        List<string> fresh = [];
        while (!deadline.IsCancellationRequested)
        {
            fresh = await FreshNamesAsync(sandbox);
            if (informer.Current.Status.IsConnected && informer.Current.Items.Keys.SequenceEqual(fresh))
            {
                return;
            }

            await tick.WaitForNextTickAsync(CancellationToken.None);
        }

        throw new TimeoutException($"The cache [{string.Join(", ", informer.Current.Items.Keys)}] never matched a fresh list [{string.Join(", ", fresh)}].");
    }

    /// <summary>A Deployment's pod: its replacement gets a new name (a StatefulSet's would come back under the same one).</summary>
    internal static bool IsBlogPod(string name) => name.StartsWith("prod-blog-service-deployment-", StringComparison.Ordinal);

    internal static async Task<List<string>> FreshNamesAsync(ClusterSandbox sandbox) =>
        (await sandbox.Client.CoreV1.ListNamespacedPodAsync("titanium-prod")).Items.Select(p => p.Metadata.Name).Order(StringComparer.Ordinal).ToList();
}
