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
