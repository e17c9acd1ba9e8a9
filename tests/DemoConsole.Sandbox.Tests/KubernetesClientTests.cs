using System.Net;
using DemoConsole.Sandbox.Store;
using DemoConsole.Sandbox.Tests.Support;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace DemoConsole.Sandbox.Tests;

/// <summary>The real KubernetesClient against the sandbox: the console's one code path for cluster and sandbox.</summary>
public sealed class KubernetesClientTests
{
    private const string Ns = "titanium-prod";

    [Fact]
    public async Task ListNamespacedPod_LabelSelector_ReturnsTheTwoReadyGatewayPods()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = TestSandbox.Client(sandbox);

        var pods = await client.CoreV1.ListNamespacedPodAsync(Ns, labelSelector: "app.kubernetes.io/name=titanium,app=api-gateway");

        Assert.Equal(2, pods.Items.Count);
        Assert.All(pods.Items, p =>
        {
            Assert.Equal("Running", p.Status.Phase);
            Assert.Contains(p.Status.Conditions, c => c.Type == "Ready" && c.Status == "True");
            Assert.Equal(["api-gateway-container", "istio-proxy"], p.Spec.Containers.Select(c => c.Name));
        });
        Assert.False(string.IsNullOrEmpty(pods.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task ListNamespacedPod_FieldSelectorOnName_ReturnsOnlyThatPod()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = TestSandbox.Client(sandbox);

        var pods = await client.CoreV1.ListNamespacedPodAsync(Ns, fieldSelector: "metadata.name=postgresql-0,status.phase=Running");

        Assert.Equal("postgresql-0", Assert.Single(pods.Items).Metadata.Name);
    }

    [Fact]
    public async Task ReadNamespacedDeployment_Gateway_ReturnsSpecStatusAndRevision()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = TestSandbox.Client(sandbox);

        var deployment = await client.AppsV1.ReadNamespacedDeploymentAsync("prod-api-gateway-deployment", Ns);

        Assert.Equal(2, deployment.Spec.Replicas);
        Assert.Equal(2, deployment.Status.ReadyReplicas);
        Assert.Equal("2", deployment.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        Assert.Contains(deployment.Status.Conditions, c => c.Type == "Available" && c.Status == "True" && c.Reason == "MinimumReplicasAvailable");
        Assert.Contains(deployment.Status.Conditions, c => c.Type == "Progressing" && c.Reason == "NewReplicaSetAvailable");
        Assert.Equal(deployment.Metadata.Generation, deployment.Status.ObservedGeneration);
    }

    [Fact]
    public async Task ReadNamespacedPod_Missing_ThrowsWithNotFoundStatus()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = TestSandbox.Client(sandbox);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespacedPodAsync("no-such-pod", Ns));

        Assert.Equal(HttpStatusCode.NotFound, error.Response.StatusCode);
        var status = KubernetesJson.Deserialize<V1Status>(error.Response.Content);
        Assert.Equal("NotFound", status.Reason);
        Assert.Equal(404, status.Code);
        Assert.Equal("pods \"no-such-pod\" not found", status.Message);
    }

    [Fact]
    public async Task CreateNamespacedConfigMap_Twice_SecondIsAlreadyExistsConflict()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = TestSandbox.Client(sandbox);
        var configMap = new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "demo" }, Data = new Dictionary<string, string> { ["k"] = "v" } };

        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(configMap, Ns);
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedConfigMapAsync(configMap, Ns));

        Assert.Equal("v", created.Data["k"]);
        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Equal("AlreadyExists", KubernetesJson.Deserialize<V1Status>(error.Response.Content).Reason);
    }

    [Fact]
    public async Task CreateNamespacedService_Minimal_GetsClusterDefaults()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = TestSandbox.Client(sandbox);
        var service = new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "demo" },
            Spec = new V1ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = "demo" }, Ports = [new V1ServicePort { Port = 80 }] },
        };

        var created = await client.CoreV1.CreateNamespacedServiceAsync(service, Ns);

        Assert.Equal("ClusterIP", created.Spec.Type);
        Assert.Matches(@"^10\.96\.\d+\.\d+$", created.Spec.ClusterIP);
        Assert.Equal("None", created.Spec.SessionAffinity);
        Assert.Equal("TCP", created.Spec.Ports[0].Protocol);
        Assert.Equal("80", created.Spec.Ports[0].TargetPort.Value);
    }

    [Fact]
    public async Task DeleteNamespacedPod_BlogPod_WatchSeesTerminatingDeletedThenReplacementReady()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = TestSandbox.Client(sandbox);
        var list = await client.CoreV1.ListNamespacedPodAsync(Ns, labelSelector: "app=blog-service");
        var victim = list.Items[0].Metadata.Name;
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var events = new List<(WatchEventType Type, string Name, bool Terminating, bool Ready)>();
        await client.CoreV1.DeleteNamespacedPodAsync(victim, Ns);
        var watch = client.CoreV1.WatchListNamespacedPodAsync(Ns, labelSelector: "app=blog-service",
            resourceVersion: list.Metadata.ResourceVersion, cancellationToken: cancel.Token);
        await foreach (var (type, pod) in watch)
        {
            var ready = pod.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;
            events.Add((type, pod.Metadata.Name, pod.Metadata.DeletionTimestamp is not null, ready));
            if (pod.Metadata.Name != victim && ready)
            {
                break;
            }
        }

        var victimEvents = events.Where(e => e.Name == victim).ToList();
        Assert.Equal(WatchEventType.Modified, victimEvents[0].Type);
        Assert.True(victimEvents[0].Terminating);
        Assert.Equal(WatchEventType.Deleted, victimEvents[^1].Type);
        var replacement = events.Where(e => e.Name != victim).ToList();
        Assert.Equal(WatchEventType.Added, replacement[0].Type);
        Assert.False(replacement[0].Ready);
        Assert.True(replacement[^1].Ready);
        Assert.StartsWith("prod-blog-service-deployment-", replacement[0].Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchPods_ResourceVersionTooOld_ReportsGone410()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = TestSandbox.Client(sandbox);
        Exception? error = null;
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var watch = client.CoreV1.WatchListNamespacedPodAsync(Ns, resourceVersion: "5", onError: e => error = e, cancellationToken: cancel.Token);
        await foreach (var _ in watch)
        {
            Assert.Fail("no object event may precede the 410");
        }

        var gone = Assert.IsType<KubernetesException>(error);
        Assert.Equal(410, gone.Status.Code);
        Assert.Equal("Expired", gone.Status.Reason);
    }

    [Fact]
    public async Task WatchPods_TimeoutSeconds_ServerEndsTheStreamAfterTheEvents()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = TestSandbox.Client(sandbox);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var list = await client.CoreV1.ListNamespacedPodAsync(Ns);
        var patch = new V1Patch("{\"metadata\":{\"labels\":{\"demo\":\"marked\"}}}", V1Patch.PatchType.MergePatch);
        await client.CoreV1.PatchNamespacedPodAsync(patch, "postgresql-0", Ns);

        var watch = client.CoreV1.WatchListNamespacedPodAsync(Ns, resourceVersion: list.Metadata.ResourceVersion,
            timeoutSeconds: 1, cancellationToken: cancel.Token);
        var events = new List<(WatchEventType, string)>();
        await foreach (var (type, pod) in watch)
        {
            events.Add((type, pod.Metadata.Labels["demo"]));
        }

        Assert.False(cancel.IsCancellationRequested); // the server closed the stream, not our safety timeout
        Assert.Equal([(WatchEventType.Modified, "marked")], events);
    }

    [Fact]
    public async Task ReadNamespacedPodLog_ContainerAndTailLines_ReturnsLastLines()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = TestSandbox.Client(sandbox);
        var pod = (await client.CoreV1.ListNamespacedPodAsync(Ns, labelSelector: "app=auth-service")).Items[0].Metadata.Name;

        await using var stream = await client.CoreV1.ReadNamespacedPodLogAsync(pod, Ns, container: "auth-service-container", tailLines: 2);
        using var reader = new StreamReader(stream);
        var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2, lines.Length);
        Assert.Contains("listening on", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadNamespacedPodLog_NoContainerOnTwoContainerPod_IsBadRequest()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = TestSandbox.Client(sandbox);
        var pod = (await client.CoreV1.ListNamespacedPodAsync(Ns, labelSelector: "app=auth-service")).Items[0].Metadata.Name;

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespacedPodLogAsync(pod, Ns));

        Assert.Equal(HttpStatusCode.BadRequest, error.Response.StatusCode);
        Assert.Contains("choose one of: [auth-service-container istio-proxy]", error.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatchNamespacedDeploymentScale_ToThree_ThirdPodBecomesReady()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = TestSandbox.Client(sandbox);
        var patch = new V1Patch("{\"spec\":{\"replicas\":3}}", V1Patch.PatchType.MergePatch);

        var scale = await client.AppsV1.PatchNamespacedDeploymentScaleAsync(patch, "prod-user-service-deployment", Ns);
        await StoreWait.UntilAsync(sandbox, s => JsonNumber.Read(s.Get(ResourceTypes.Deployments, Ns, "prod-user-service-deployment")?.Node["status"]?["readyReplicas"]) == 3,
            "the deployment reports three Ready replicas");
        var deployment = await client.AppsV1.ReadNamespacedDeploymentAsync("prod-user-service-deployment", Ns);

        Assert.Equal(3, scale.Spec.Replicas);
        Assert.Equal(3, deployment.Status.ReadyReplicas);
    }
}
