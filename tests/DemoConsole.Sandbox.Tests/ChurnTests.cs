using DemoConsole.Sandbox.Store;
using DemoConsole.Sandbox.Tests.Support;
using k8s;
using k8s.Models;

namespace DemoConsole.Sandbox.Tests;

/// <summary>A burst of demo operations at time scale 0: the cluster converges and no controller faults.</summary>
public sealed class ChurnTests
{
    private const string Ns = "titanium-prod";

    [Fact]
    public async Task ManyOperations_TimeScaleZero_WorldConvergesWithoutFaults()
    {
        await using var sandbox = await TestSandbox.StartAsync(timeScale: 0);
        using var client = TestSandbox.Client(sandbox);
        var store = sandbox.Cluster.Store;

        foreach (var pod in store.List(ResourceTypes.Pods, null).Items)
        {
            await client.CoreV1.DeleteNamespacedPodAsync(pod.Name, pod.Namespace);
        }

        await client.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch("{\"spec\":{\"replicas\":4}}", V1Patch.PatchType.MergePatch), "prod-api-gateway-deployment", Ns);
        await client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/restartedAt\":\"now\"}}}}}", V1Patch.PatchType.StrategicMergePatch),
            "prod-blog-service-deployment", Ns);
        await client.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch("{\"spec\":{\"replicas\":2}}", V1Patch.PatchType.MergePatch), "prod-api-gateway-deployment", Ns);

        await StoreWait.UntilAsync(sandbox, s =>
        {
            var pods = s.List(ResourceTypes.Pods, null).Items;
            return pods.Count == 23 && pods.All(StoreWait.IsReady)
                && s.List(ResourceTypes.Deployments, null).Items.All(d =>
                    JsonNumber.Read(d.Node["status"]?["readyReplicas"]) == JsonNumber.Read(d.Node["spec"]?["replicas"])
                    && JsonNumber.Read(d.Node["status"]?["updatedReplicas"]) == JsonNumber.Read(d.Node["spec"]?["replicas"]));
        }, "every workload is back to its desired, Ready, up-to-date replicas");

        Assert.Empty(sandbox.Cluster.Faults);
        var ips = store.List(ResourceTypes.Pods, null).Items.Select(p => (string?)p.Node["status"]?["podIP"]).ToList();
        Assert.Equal(ips.Count, ips.Distinct().Count());
    }
}
