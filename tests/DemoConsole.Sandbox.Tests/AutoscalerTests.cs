using DemoConsole.Sandbox.Store;
using DemoConsole.Sandbox.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DemoConsole.Sandbox.Tests;

/// <summary>The gateway HPA reacts to the CPU the modelled pods spend on real gateway traffic.</summary>
public sealed class AutoscalerTests
{
    private const string Ns = "titanium-prod";

    [Fact]
    public async Task GatewayLoad_AboveCpuTarget_ScalesUpThenBackDownAfterStabilization()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = TestSandbox.Gateway(sandbox);
        using var stopLoad = new CancellationTokenSource();
        var load = Task.Run(async () =>
        {
            while (!stopLoad.IsCancellationRequested)
            {
                (await http.GetAsync(new Uri("/blog/", UriKind.Relative), CancellationToken.None)).Dispose();
            }
        });

        await StoreWait.UntilAsync(sandbox, s => Replicas(s) > 2 && StoreWait.Pods(s, Ns, "api-gateway").Count(StoreWait.IsReady) == Replicas(s),
            "the HPA has scaled the gateway up and the new pods are Ready");
        using var kubectl = new Kubectl(sandbox);
        var hpa = await kubectl.RunAsync("get", "hpa", "prod-api-gateway-hpa", "-n", Ns);
        await stopLoad.CancelAsync();
        await load;
        await StoreWait.UntilAsync(sandbox, s => Replicas(s) == 2, "the HPA has scaled back to minReplicas once idle");

        Assert.Matches(@"prod-api-gateway-hpa\s+Deployment/prod-api-gateway-deployment\s+cpu: \d+%/70%", hpa.Stdout);
        Assert.Contains(sandbox.Cluster.Store.List(ResourceTypes.Events, Ns).Items,
            e => (string?)e.Node["reason"] == "SuccessfulRescale" && ((string?)e.Node["message"])!.Contains("above target", StringComparison.Ordinal));
        Assert.Empty(sandbox.Cluster.Faults);
    }

    [Fact]
    public async Task Sync_OneRequestBetweenTwoCloseSyncs_DoesNotScaleButSustainedLoadDoes()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 11, 3, 9, 0, 0, TimeSpan.Zero));
        await using var sandbox = await SandboxHost.StartAsync(TestSandbox.Options(timeScale: 1) with { TimeProvider = clock });
        var cluster = sandbox.Cluster;
        var gateways = StoreWait.Pods(cluster.Store, Ns, "api-gateway");
        cluster.Autoscalers.Sync();
        clock.Advance(TimeSpan.FromSeconds(15));
        cluster.Autoscalers.Sync();

        // A late timer tick followed by an on-time one: 5 ms apart, one request served between them.
        cluster.Usage.CountRequest(gateways[0].Uid);
        clock.Advance(TimeSpan.FromMilliseconds(5));
        cluster.Autoscalers.Sync();
        var afterOneRequest = Replicas(cluster.Store);

        // 1,500 requests a pod in 15 s: 150m of CPU against 110m requested, above the 70 % target.
        foreach (var pod in gateways)
        {
            for (var i = 0; i < 1_500; i++)
            {
                cluster.Usage.CountRequest(pod.Uid);
            }
        }

        clock.Advance(TimeSpan.FromSeconds(15));
        cluster.Autoscalers.Sync();

        Assert.Equal(2, afterOneRequest);
        Assert.True(Replicas(cluster.Store) > 2, $"sustained load left the gateway at {Replicas(cluster.Store)} replicas");
        Assert.Empty(cluster.Faults);
    }

    private static long? Replicas(ResourceStore store) =>
        JsonNumber.Read(store.Get(ResourceTypes.Deployments, Ns, "prod-api-gateway-deployment")?.Node["spec"]?["replicas"]);
}
