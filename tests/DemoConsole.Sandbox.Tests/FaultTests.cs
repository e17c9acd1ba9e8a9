using System.Text.RegularExpressions;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Controllers.Faults;
using DemoConsole.Sandbox.Store;
using DemoConsole.Sandbox.Tests.Support;
using DemoConsole.Tests.Shared;

namespace DemoConsole.Sandbox.Tests;

/// <summary>
/// Each rehearsal fault injected through the sandbox's endpoint and observed with the real kubectl: what
/// <c>get</c>, <c>get -w</c>, <c>describe</c> and <c>logs</c> show for it, and how it heals.
/// </summary>
public sealed class FaultTests
{
    private const string Ns = "titanium-prod";

    [Fact]
    public async Task CrashLoop_RestartsWithBackOff_DescribeLogsAndWatchShowIt()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        using var backOffs = new BackOffRecorder(sandbox.Cluster.Store, "blog-service-container");

        await InjectAsync(sandbox, "prod-blog-service-deployment", "crash-loop");
        await StoreWait.UntilAsync(sandbox, s => AppStatuses(s, "blog-service").Any(c => Restarts(c) >= 3 && Waiting(c) == "CrashLoopBackOff"), "a blog pod restarted three times");
        var pod = AppPod(sandbox, "blog-service", c => Restarts(c) >= 3);
        var get = await kubectl.RunAsync("get", "pod", pod, "-n", Ns);
        var describe = await kubectl.RunAsync("describe", "pod", pod, "-n", Ns);
        var previous = await kubectl.RunAsync("logs", pod, "-n", Ns, "-c", "blog-service-container", "--previous");
        var watch = await kubectl.ShellAsync($"timeout 5 kubectl get pods -n {Ns} -l app=blog-service -w --output-watch-events");

        Assert.Matches($@"(?m)^{pod}\s+1/2\s+(CrashLoopBackOff|Error|Running)\s+\d+ \(\S+ ago\)\s+", get.Stdout);
        Assert.Contains("Last State:     Terminated", describe.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"Last State:\s+Terminated\s+Reason:\s+Error\s+Exit Code:\s+1", describe.Stdout);
        Assert.Matches(@"Warning\s+BackOff\s+\S+ \(x\d+ over \S+\)\s+kubelet\s+Back-off restarting failed container blog-service-container in pod " + pod, describe.Stdout);
        Assert.Contains("ERROR Shutting down: a required dependency is unavailable", previous.Stdout, StringComparison.Ordinal);
        Assert.Contains("CrashLoopBackOff", watch.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"MODIFIED\s+prod-blog-service-deployment-\S+\s+1/2\s+Error", watch.Stdout);
        Assert.Equal(["10s", "20s", "40s"], backOffs.Delays(pod).Take(3));
    }

    [Fact]
    public async Task CrashLoop_Cleared_PodsBecomeReadyAndKeepTheirRestartCount()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await InjectAsync(sandbox, "prod-blog-service-deployment", "crash-loop");
        await StoreWait.UntilAsync(sandbox, s => AppStatuses(s, "blog-service").All(c => Restarts(c) >= 2), "both blog pods restarted twice");

        using var http = new HttpClient { BaseAddress = sandbox.KubernetesApi };
        using var cleared = await http.DeleteAsync($"/sandbox/v1/namespaces/{Ns}/deployments/prod-blog-service-deployment/fault");
        await StoreWait.UntilAsync(sandbox, s => StoreWait.Pods(s, Ns, "blog-service").All(StoreWait.IsReady), "the blog pods are Ready again");

        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.All(AppStatuses(sandbox.Cluster.Store, "blog-service"), c => Assert.True(Restarts(c) >= 2));
        using var gateway = TestSandbox.Gateway(sandbox);
        Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync("/blog/")).StatusCode);
    }

    [Fact]
    public async Task OomKill_LastStateIsOomKilledWithExitCode137()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);

        await InjectAsync(sandbox, "prod-auth-service-deployment", "oom-kill");
        await StoreWait.UntilAsync(sandbox, s => AppStatuses(s, "auth-service").Any(c => Restarts(c) >= 2), "an auth pod was OOM-killed and restarted twice");
        var pod = AppPod(sandbox, "auth-service", c => Restarts(c) >= 2);
        var describe = await kubectl.RunAsync("describe", "pod", pod, "-n", Ns);

        Assert.Matches(@"Last State:\s+Terminated\s+Reason:\s+OOMKilled\s+Exit Code:\s+137", describe.Stdout);
        Assert.Matches(@"Restart Count:\s+[2-9]", describe.Stdout);
    }

    [Fact]
    public async Task ImagePull_StallsTheRolloutUntilRolloutUndo()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);

        var fault = await InjectAsync(sandbox, "prod-user-service-deployment", "image-pull");
        var image = (string)fault["image"]!;
        await StoreWait.UntilAsync(sandbox, s => AppStatuses(s, "user-service").Any(c => Waiting(c) == "ImagePullBackOff"), "a user pod is in ImagePullBackOff");
        var pod = AppPod(sandbox, "user-service", c => Waiting(c) == "ImagePullBackOff");
        // The kubelet alternates ErrImagePull and ImagePullBackOff; kubectl must show the pod in one of them (read again
        // until it does, so a moment between two states on a busy machine is not a failure; the output is in the message).
        var pulling = $@"(?m)^{pod}\s+1/2\s+(ImagePullBackOff|ErrImagePull)\s+0\s+";
        KubectlResult get = default!;
        await AsyncWait.UntilAsync(async () => Regex.IsMatch((get = await kubectl.RunAsync("get", "pods", "-n", Ns, "-l", "app=user-service")).Stdout, pulling),
            "kubectl get to show the pod pulling its image");
        var describe = await kubectl.RunAsync("describe", "pod", pod, "-n", Ns);
        var logs = await kubectl.RunAsync("logs", pod, "-n", Ns, "-c", "user-service-container");
        var undo = await kubectl.RunAsync("rollout", "undo", "deployment/prod-user-service-deployment", "-n", Ns);
        var status = await kubectl.RunAsync("rollout", "status", "deployment/prod-user-service-deployment", "-n", Ns, "--timeout=50s");
        await StoreWait.UntilAsync(sandbox, s => StoreWait.Pods(s, Ns, "user-service").All(p => !p.Node.ToJsonString().Contains(image, StringComparison.Ordinal)), "no pod uses the missing image");

        Assert.True(Regex.IsMatch(get.Stdout, pulling), get.Stdout);
        Assert.Matches(@"(?m)^prod-user-service-deployment-\S+\s+2/2\s+Running\s+0\s+2d4h$", get.Stdout);
        Assert.Contains($"Failed to pull image \"{image}\": rpc error: code = NotFound", describe.Stdout, StringComparison.Ordinal);
        Assert.Contains("Error: ErrImagePull", describe.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Back-off pulling image \"{image}\"", describe.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"Status:\s+Pending", describe.Stdout);
        Assert.Contains("is waiting to start: trying and failing to pull image", logs.Stderr, StringComparison.Ordinal);
        Assert.True(undo.ExitCode == 0, undo.ToString());
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.All(StoreWait.Pods(sandbox.Cluster.Store, Ns, "user-service"), p => Assert.True(StoreWait.IsReady(p)));
    }

    [Fact]
    public async Task Readiness_RunningNotReady_OutOfEndpoints_GatewayAnswers503_UntilCleared()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        using var gateway = TestSandbox.Gateway(sandbox);

        await InjectAsync(sandbox, "prod-blog-service-deployment", "readiness");
        await StoreWait.UntilAsync(sandbox, s => StoreWait.Pods(s, Ns, "blog-service").All(p => !StoreWait.IsReady(p))
            && s.List(ResourceTypes.EndpointSlices, Ns).Items.Where(e => (string?)e.Metadata["labels"]?["kubernetes.io/service-name"] == "prod-blog-service")
                .SelectMany(e => (e.Node["endpoints"] as JsonArray ?? []).OfType<JsonObject>()).All(e => (bool?)e["conditions"]?["ready"] == false),
            "no blog pod or endpoint is ready");
        var during = await gateway.GetAsync("/blog/");
        var body = await during.Content.ReadAsStringAsync();
        var get = await kubectl.RunAsync("get", "pods", "-n", Ns, "-l", "app=blog-service");
        var pod = StoreWait.Pods(sandbox.Cluster.Store, Ns, "blog-service")[0].Name;
        var describe = await kubectl.RunAsync("describe", "pod", pod, "-n", Ns);

        using var http = new HttpClient { BaseAddress = sandbox.KubernetesApi };
        await http.DeleteAsync($"/sandbox/v1/namespaces/{Ns}/deployments/prod-blog-service-deployment/fault");
        await StoreWait.UntilAsync(sandbox, s => StoreWait.Pods(s, Ns, "blog-service").All(StoreWait.IsReady), "the blog pods are Ready again");
        var after = await gateway.GetAsync("/blog/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal("no healthy upstream", body);
        Assert.Equal(2, get.Stdout.Split('\n').Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^prod-blog-service-deployment-\S+\s+1/2\s+Running\s+0\s+")));
        Assert.Contains("Readiness probe failed: HTTP probe failed with statuscode: 503", describe.Stdout, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Theory]
    [InlineData("prod-blog-service-deployment", """{"kind":"meltdown"}""", 400, "kind: Unsupported value: \"meltdown\": supported values: \"crash-loop\", \"oom-kill\", \"image-pull\", \"readiness\"")]
    [InlineData("no-such-deployment", """{"kind":"crash-loop"}""", 404, "deployments.apps \"no-such-deployment\" not found")]
    [InlineData("prod-redis", """{"kind":"readiness"}""", 422, "container \"redis\" of deployment \"prod-redis\" has no readiness probe, so it cannot fail one")]
    public async Task Refusals_AreStatusesAndChangeNothing(string deployment, string body, int code, string message)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.KubernetesApi };
        var version = sandbox.Cluster.Store.ResourceVersion;

        using var response = await http.PutAsync($"/sandbox/v1/namespaces/{Ns}/deployments/{deployment}/fault", new StringContent(body, Encoding.UTF8, "application/json"));
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(code, (int)response.StatusCode);
        Assert.Equal(message, (string?)status["message"]);
        Assert.Empty(sandbox.Cluster.InjectedFaults.Active);
        Assert.Equal(version, sandbox.Cluster.Store.ResourceVersion);
    }

    [Fact]
    public async Task SecondFaultOnTheSameDeployment_IsAConflict()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await InjectAsync(sandbox, "prod-blog-service-deployment", "readiness");
        using var http = new HttpClient { BaseAddress = sandbox.KubernetesApi };

        using var response = await http.PutAsync($"/sandbox/v1/namespaces/{Ns}/deployments/prod-blog-service-deployment/fault",
            new StringContent("""{"kind":"crash-loop"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(FaultKind.Readiness, Assert.Single(sandbox.Cluster.InjectedFaults.Active).Kind);
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(1, "10s")]
    [InlineData(2, "20s")]
    [InlineData(3, "40s")]
    [InlineData(5, "2m40s")]
    [InlineData(6, "5m0s")]
    [InlineData(40, "5m0s")]
    public void KubeletBackOff_DoublesFromTenSecondsUpToFiveMinutes(int failures, string text) =>
        Assert.Equal(text, KubeletBackOff.Text(KubeletBackOff.AfterFailures(failures)));

    private static async Task<JsonNode> InjectAsync(SandboxHost sandbox, string deployment, string kind)
    {
        using var http = new HttpClient { BaseAddress = sandbox.KubernetesApi };
        using var response = await http.PutAsync($"/sandbox/v1/namespaces/{Ns}/deployments/{deployment}/fault",
            new StringContent($$"""{"kind":"{{kind}}"}""", Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!;
    }

    private static IEnumerable<JsonObject> AppStatuses(ResourceStore store, string app) =>
        StoreWait.Pods(store, Ns, app).Select(p => PodStatus.ContainerStatus(p.Node, $"{app}-container")).OfType<JsonObject>();

    private static string AppPod(SandboxHost sandbox, string app, Func<JsonObject, bool> status) =>
        StoreWait.Pods(sandbox.Cluster.Store, Ns, app).First(p => PodStatus.ContainerStatus(p.Node, $"{app}-container") is { } s && status(s)).Name;

    private static long Restarts(JsonObject status) => JsonNumber.Read(status["restartCount"]) ?? 0;

    private static string? Waiting(JsonObject status) => (string?)status["state"]?["waiting"]?["reason"];

    /// <summary>The back-off delays of each pod's CrashLoopBackOff messages, in the order the store saw them.</summary>
    private sealed class BackOffRecorder : IDisposable
    {
        private readonly WatchSubscription _subscription;
        private readonly Task _reading;
        private readonly Dictionary<string, List<string>> _delays = [];

        public BackOffRecorder(ResourceStore store, string container)
        {
            _subscription = store.Watch(ResourceTypes.Pods, Ns, store.ResourceVersion, capacity: 1_000_000);
            _reading = Task.Run(() => ReadAsync(container));
        }

        public IReadOnlyList<string> Delays(string pod)
        {
            lock (_delays)
            {
                return [.. _delays.GetValueOrDefault(pod, []).Distinct()];
            }
        }

        public void Dispose()
        {
            _subscription.Dispose();
            _reading.GetAwaiter().GetResult();
        }

        private async Task ReadAsync(string container)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                await foreach (var e in _subscription.Events.ReadAllAsync(stop.Token))
                {
                    if (PodStatus.ContainerStatus(e.Object.Node, container)?["state"]?["waiting"] is { } waiting && (string?)waiting["reason"] == "CrashLoopBackOff")
                    {
                        lock (_delays)
                        {
                            _delays.TryAdd(e.Object.Name, []);
                            _delays[e.Object.Name].Add(((string)waiting["message"]!).Split(' ')[1]);
                        }
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The test is over.
            }
        }
    }
}
