using DemoConsole.Sandbox.Store;
using DemoConsole.Sandbox.Tests.Support;

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

    private static long? Replicas(ResourceStore store) =>
        JsonNumber.Read(store.Get(ResourceTypes.Deployments, Ns, "prod-api-gateway-deployment")?.Node["spec"]?["replicas"]);
}
