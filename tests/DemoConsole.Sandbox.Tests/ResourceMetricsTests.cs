using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Tests.Support;
using DemoConsole.Tests.Shared;

namespace DemoConsole.Sandbox.Tests;

/// <summary>metrics.k8s.io/v1beta1 from the Prometheus twin's container samples: the real kubectl top works.</summary>
public sealed class ResourceMetricsTests
{
    [Fact]
    public async Task KubectlTopPods_SeededNamespace_ShowsCpuAndMemoryPerPod()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        KubectlResult? top = null;

        // The twin needs two scrapes for a CPU rate; until then metrics-server (and so the twin) lists no pods.
        await AsyncWait.UntilAsync(async () => (top = await kubectl.RunAsync("top", "pods", "-n", "titanium-prod")).Stdout.Contains("postgresql-0", StringComparison.Ordinal), "kubectl top pods to list the seeded pods");

        Assert.Equal(0, top!.ExitCode);
        Assert.Matches(@"NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)", top.Stdout);
        Assert.Matches(@"postgresql-0\s+\d+m\s+\d+Mi", top.Stdout);
        var containers = await kubectl.RunAsync("top", "pods", "-n", "titanium-prod", "--containers");
        Assert.Matches(@"prod-blog-service-deployment-\S+\s+istio-proxy\s+\d+m\s+\d+Mi", containers.Stdout);
    }

    [Fact]
    public async Task KubectlTopNode_ThreeWorkers_ShowsCpuAndMemoryWithPercentOfAllocatable()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);

        var nodes = await kubectl.RunAsync("get", "nodes", "-o", "wide");
        Assert.Equal(0, nodes.ExitCode);
        Assert.Matches(@"NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\s+INTERNAL-IP\s+EXTERNAL-IP\s+OS-IMAGE\s+KERNEL-VERSION\s+CONTAINER-RUNTIME", nodes.Stdout);
        Assert.Matches(@"solid-cloud-worker-1\s+Ready\s+<none>\s+\d+d\s+v1\.32\.4\s+10\.0\.11\.168\s+<none>\s+Ubuntu 22\.04\.5 LTS\s+5\.15\.0-126-generic\s+containerd://1\.7\.24", nodes.Stdout);
        Assert.Equal(4, nodes.Stdout.Trim().Split('\n').Length);

        // Every pod runs on one of these nodes: the scheduler's node names and the Node objects are the same set.
        var podNodes = await kubectl.RunAsync("get", "pods", "-A", "-o", "jsonpath={.items[*].spec.nodeName}");
        Assert.Subset(new HashSet<string> { "solid-cloud-worker-1", "solid-cloud-worker-2", "solid-cloud-worker-3" }, podNodes.Stdout.Split(' ').ToHashSet());

        KubectlResult? top = null;
        await AsyncWait.UntilAsync(async () => (top = await kubectl.RunAsync("top", "node")).ExitCode == 0 && top.Stdout.Contains("solid-cloud-worker-3", StringComparison.Ordinal), "kubectl top node to list the three workers");
        Assert.Matches(@"NAME\s+CPU\(cores\)\s+CPU(%|\(%\))\s+MEMORY\(bytes\)\s+MEMORY(%|\(%\))", top!.Stdout);
        Assert.Matches(@"solid-cloud-worker-1\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%", top.Stdout);
        var one = await kubectl.RunAsync("top", "node", "solid-cloud-worker-2");
        Assert.Equal(0, one.ExitCode);
        Assert.Matches(@"solid-cloud-worker-2\s+\d+m\s+\d+%", one.Stdout);
        var missing = await kubectl.RunAsync("top", "node", "no-such-node");
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("not found", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PodMetricsList_Shape_MatchesMetricsServer()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.KubernetesApi };
        JsonNode? list = null;
        await AsyncWait.UntilAsync(async () => (list = JsonNode.Parse(await http.GetStringAsync(new Uri("/apis/metrics.k8s.io/v1beta1/namespaces/titanium-prod/pods", UriKind.Relative))))!["items"]!.AsArray().Count > 0, "pod metrics");

        Assert.Equal("PodMetricsList", (string?)list!["kind"]);
        Assert.Equal("metrics.k8s.io/v1beta1", (string?)list["apiVersion"]);
        var item = list["items"]![0]!;
        Assert.Equal("titanium-prod", (string?)item["metadata"]!["namespace"]);
        Assert.Matches(@"^\d+n$", (string?)item["containers"]![0]!["usage"]!["cpu"]);
        Assert.Matches(@"^\d+Ki$", (string?)item["containers"]![0]!["usage"]!["memory"]);
        var groups = JsonNode.Parse(await http.GetStringAsync(new Uri("/apis", UriKind.Relative)))!["groups"]!.AsArray();
        Assert.Contains(groups, g => (string?)g!["name"] == "metrics.k8s.io");
    }
}
