using k8s;
using DemoConsole.Sandbox.Store;
using DemoConsole.Sandbox.Tests.Support;
using k8s.Models;

namespace DemoConsole.Sandbox.Tests;

/// <summary>Deployment, ReplicaSet and StatefulSet behaviour as a cluster's controllers would produce it.</summary>
public sealed class ControllerTests
{
    private const string Ns = "titanium-prod";

    [Fact]
    public async Task RolloutRestart_MaxUnavailableZero_NeverDropsBelowTwoReadyAndRecordsRevision2()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var store = sandbox.Cluster.Store;
        var ready = StoreWait.Pods(store, Ns, "auth-service").ToDictionary(p => p.Name, StoreWait.IsReady);
        var original = ready.Keys.ToHashSet();
        var minimumReady = int.MaxValue;
        using var watch = store.Watch(ResourceTypes.Pods, Ns, store.ResourceVersion);
        using var timeout = new CancellationTokenSource(StoreWait.DefaultTimeout);

        using var kubectl = new Kubectl(sandbox);
        var restart = await kubectl.RunAsync("rollout", "restart", "deployment/prod-auth-service-deployment", "-n", Ns);
        // Replays every pod event in order, so a momentary dip in Ready pods cannot slip between two samples.
        while (!(ready.Count == 2 && ready.Values.All(r => r) && !ready.Keys.Any(original.Contains)))
        {
            var e = await watch.Events.ReadAsync(timeout.Token);
            if ((string?)e.Object.Metadata["labels"]?["app"] != "auth-service")
            {
                continue;
            }

            if (e.Type == "DELETED")
            {
                ready.Remove(e.Object.Name);
            }
            else
            {
                ready[e.Object.Name] = StoreWait.IsReady(e.Object);
            }

            minimumReady = Math.Min(minimumReady, ready.Values.Count(r => r));
        }

        var history = await kubectl.RunAsync("rollout", "history", "deployment/prod-auth-service-deployment", "-n", Ns);

        Assert.True(restart.ExitCode == 0, restart.ToString());
        Assert.Equal(2, minimumReady);
        Assert.Matches(@"(?m)^1\s+<none>\n2\s+<none>", history.Stdout);
        var replicaSets = store.List(ResourceTypes.ReplicaSets, Ns).Items.Where(r => r.Name.StartsWith("prod-auth-service-deployment-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, replicaSets.Count);
        Assert.Contains(replicaSets, r => JsonNumber.Read(r.Node["spec"]!["replicas"]) == 0);
    }

    [Fact]
    public async Task DeleteStatefulSetPod_Postgresql_ComesBackWithTheSameName()
    {
        // kubectl's delete --wait lists by name after its first GET; if the old pod is gone and its same-named
        // successor exists by then, kubectl waits forever (on a cluster too). A slower clock keeps termination
        // (here 10-30 ms of real time) longer than that gap, as seconds-long terminations do on a cluster.
        await using var sandbox = await TestSandbox.StartAsync(timeScale: 0.2);
        var store = sandbox.Cluster.Store;
        var original = store.GetRequired(ResourceTypes.Pods, Ns, "postgresql-0");

        using var kubectl = new Kubectl(sandbox);
        var delete = await kubectl.RunAsync("delete", "pod", "postgresql-0", "-n", Ns);
        await StoreWait.UntilAsync(sandbox, s => s.Get(ResourceTypes.Pods, Ns, "postgresql-0") is { } p && p.Uid != original.Uid && StoreWait.IsReady(p),
            "postgresql-0 is back and Ready");

        Assert.True(delete.ExitCode == 0, delete.ToString());
    }

    [Fact]
    public async Task DeletePod_ForceGracePeriodZero_IsGoneImmediately()
    {
        await using var sandbox = await TestSandbox.StartAsync(timeScale: 1.0);
        var pod = StoreWait.Pods(sandbox.Cluster.Store, Ns, "redis")[0];

        using var kubectl = new Kubectl(sandbox);
        var result = await kubectl.RunAsync("delete", "pod", pod.Name, "-n", Ns, "--grace-period=0", "--force");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("force deleted", result.Stdout, StringComparison.Ordinal);
        Assert.Null(sandbox.Cluster.Store.Get(ResourceTypes.Pods, Ns, pod.Name));
    }

    [Fact]
    public async Task DeleteCollectionNamespacedPod_LabelSelector_ReplacesOnlyThosePods()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = TestSandbox.Client(sandbox);
        var store = sandbox.Cluster.Store;
        var users = StoreWait.Pods(store, Ns, "user-service").Select(p => p.Name).ToHashSet();
        var others = store.List(ResourceTypes.Pods, Ns).Items.Select(p => p.Uid).Where(uid => !StoreWait.Pods(store, Ns, "user-service").Any(p => p.Uid == uid)).ToHashSet();

        await client.CoreV1.DeleteCollectionNamespacedPodAsync(Ns, labelSelector: "app=user-service");
        await StoreWait.UntilAsync(sandbox, s => StoreWait.Pods(s, Ns, "user-service") is var pods
            && pods.Count == 2 && pods.All(StoreWait.IsReady) && !pods.Any(p => users.Contains(p.Name)), "both user-service pods are replaced");

        Assert.Subset(store.List(ResourceTypes.Pods, Ns).Items.Select(p => p.Uid).ToHashSet(), others);
    }

    [Fact]
    public async Task DescribeService_BlogService_ListsTheReadyPodEndpoints()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        var ips = StoreWait.Pods(sandbox.Cluster.Store, Ns, "blog-service").OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => (string)p.Node["status"]!["podIP"]!);

        var result = await kubectl.RunAsync("describe", "service", "prod-blog-service", "-n", Ns);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches($@"Endpoints:\s+{string.Join(",", ips.Select(ip => ip + ":8005"))}", result.Stdout);
    }

    [Fact]
    public async Task DeleteNamespacedPod_DryRunAll_LeavesThePodRunning()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = TestSandbox.Client(sandbox);
        var pod = StoreWait.Pods(sandbox.Cluster.Store, Ns, "user-service")[0];

        await client.CoreV1.DeleteNamespacedPodAsync(pod.Name, Ns, dryRun: "All");
        var after = await client.CoreV1.ReadNamespacedPodAsync(pod.Name, Ns);

        Assert.Null(after.Metadata.DeletionTimestamp);
        Assert.Equal(pod.Uid, after.Metadata.Uid);
    }

    [Fact]
    public async Task DeleteDeployment_Background_GarbageCollectsReplicaSetsAndPods()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = TestSandbox.Client(sandbox);

        await client.AppsV1.DeleteNamespacedDeploymentAsync("prod-redis", Ns, new V1DeleteOptions { PropagationPolicy = "Background" });
        await StoreWait.UntilAsync(sandbox, s => StoreWait.Pods(s, Ns, "redis").Count == 0
            && !s.List(ResourceTypes.ReplicaSets, Ns).Items.Any(r => r.Name.StartsWith("prod-redis-", StringComparison.Ordinal)), "redis is gone");
    }

    [Fact]
    public async Task Journal_KubectlGet_RecordsReadsAndNoDelete()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        using var kubectl = new Kubectl(sandbox);
        var result = await kubectl.RunAsync("get", "pods", "-n", Ns, "-l", "app=api-gateway");

        Assert.True(result.ExitCode == 0, result.ToString());
        var requests = sandbox.Journal.Requests;
        Assert.Contains(requests, r => r.Method == "GET" && r.Path == "/api/v1/namespaces/titanium-prod/pods" && r.Query.Contains("labelSelector=app%3Dapi-gateway", StringComparison.Ordinal));
        Assert.DoesNotContain(requests, r => r.Method == "DELETE");
    }

    [Fact]
    public async Task DeletePod_DuringGracePeriod_ShowsTerminatingThenDisappears()
    {
        await using var sandbox = await TestSandbox.StartAsync(timeScale: 1.0);
        var store = sandbox.Cluster.Store;
        var pod = StoreWait.Pods(store, Ns, "api-gateway")[0];
        using var kubectl = new Kubectl(sandbox);

        var delete = await kubectl.RunAsync("delete", "pod", pod.Name, "-n", Ns, "--wait=false");
        var get = await kubectl.RunAsync("get", "pod", pod.Name, "-n", Ns);
        await StoreWait.UntilAsync(sandbox, s => s.Get(ResourceTypes.Pods, Ns, pod.Name) is null, "the pod is gone");

        Assert.True(delete.ExitCode == 0, delete.ToString());
        Assert.Matches($@"(?m)^{pod.Name}\s+0/2\s+Terminating\s+0\s+2d4h$", get.Stdout);
    }
}
