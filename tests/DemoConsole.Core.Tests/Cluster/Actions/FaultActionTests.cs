using DemoConsole.Core.Actions;
using DemoConsole.Core.Cluster;
using DemoConsole.Core.Cluster.Actions;
using DemoConsole.Core.Cluster.Faults;
using DemoConsole.Core.Scenarios;
using DemoConsole.Sandbox;
using DemoConsole.Tests.Shared;
using System.Text.Json.Nodes;
using k8s;

namespace DemoConsole.Core.Tests.Cluster.Actions;

/// <summary>
/// inject-fault and clear-fault through the executor against a private sandbox: a confirmed injection reaches the
/// sandbox's fault endpoint for exactly the previewed deployment; every refusal sends nothing (the request journal).
/// </summary>
public sealed class FaultActionTests
{
    private const string Ns = "titanium-prod";
    private const string Blog = "prod-blog-service-deployment";

    private static Scenario Faults(params (string Id, string Kind, (string Key, string Value)[] Parameters)[] actions) =>
        TestScenarios.ThreeParts([.. actions.Select(a => TestScenarios.Action(a.Id, a.Kind, 3, a.Parameters))]);

    internal static Scenario BlogCrashLoop => Faults(
        ("inject", FaultKinds.Inject.Name, [("deployment", Blog), ("fault", "crash-loop")]),
        ("clear", FaultKinds.Clear.Name, [("deployment", Blog)]));

    [Fact]
    public async Task Preview_NamesTheDeploymentItsUidAndTheFault_AndSendsNoFault()
    {
        await using var host = await ClusterActionsHost.StartAsync(scenario: BlogCrashLoop);
        var uid = (await host.Client.AppsV1.ReadNamespacedDeploymentAsync(Blog, Ns)).Metadata.Uid;

        var preview = await host.Executor.PreviewAsync(ClusterActionsHost.Presenter, "inject", null, CancellationToken.None);

        Assert.True(preview.CanRun, preview.Reason?.ToString());
        Assert.Equal($"deployment {Blog} in {Ns} (uid {uid}), fault crash-loop", preview.Target);
        Assert.StartsWith($"Inject crash-loop into deployment {Blog} in {Ns} (2 replicas):", preview.Summary?.ToString(), StringComparison.Ordinal);
        Assert.Empty(FaultRequests(host.Sandbox));
    }

    [Fact]
    public async Task Run_WithPreview_InjectsThenClearFaultClears()
    {
        await using var host = await ClusterActionsHost.StartAsync(scenario: BlogCrashLoop);
        var preview = await host.Executor.PreviewAsync(ClusterActionsHost.Presenter, "inject", null, CancellationToken.None);

        var injected = await host.RunToEndAsync("inject", previewId: preview.PreviewId);
        var active = await ActiveFaultsAsync(host.Sandbox);
        var cleared = await host.RunToEndAsync("clear");

        Assert.Equal(ActionRunStatus.Succeeded, injected.Status);
        var state = Assert.IsType<FaultState>(injected.Result);
        Assert.Equal(("crash-loop", true), (state.Fault, state.Active));
        Assert.Equal($"{Ns}/{Blog}/crash-loop", Assert.Single(active));
        Assert.Equal(ActionRunStatus.Succeeded, cleared.Status);
        Assert.Empty(await ActiveFaultsAsync(host.Sandbox));
        Assert.Equal(["PUT", "DELETE"], FaultRequests(host.Sandbox).Select(r => r.Method));
    }

    [Fact]
    public async Task Clear_AfterPodsCrashed_FollowsTheDeploymentBackToAllReadyAndTimesIt()
    {
        await using var host = await ClusterActionsHost.StartAsync(scenario: BlogCrashLoop);
        var preview = await host.Executor.PreviewAsync(ClusterActionsHost.Presenter, "inject", null, CancellationToken.None);
        await host.RunToEndAsync("inject", previewId: preview.PreviewId);
        await AsyncWait.UntilAsync(async () => (await host.Client.AppsV1.ReadNamespacedDeploymentAsync(Blog, Ns)).Status.ReadyReplicas is null or < 2,
            "the crash loop to take a blog pod out of Ready");

        var cleared = await host.RunToEndAsync("clear");

        Assert.Equal(ActionRunStatus.Succeeded, cleared.Status);
        var state = Assert.IsType<FaultState>(cleared.Result);
        Assert.Equal(("crash-loop", false), (state.Fault, state.Active));
        var healing = Assert.IsType<DemoConsole.Core.Cluster.Actions.RolloutProgress>(state.Healing);
        Assert.True(healing.Done);
        Assert.Equal((2, 2), (healing.Ready, healing.Desired));
        Assert.True(healing.Seconds > 0, $"healed after {healing.Seconds} s");
        Assert.Contains("2/2 Ready again", cleared.Message?.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, (await host.Client.AppsV1.ReadNamespacedDeploymentAsync(Blog, Ns)).Status.ReadyReplicas);
    }

    [Fact]
    public async Task Clear_ImagePull_SaysRolloutUndoHealsItInsteadOfWaiting()
    {
        await using var host = await ClusterActionsHost.StartAsync(scenario: Faults(
            ("inject", FaultKinds.Inject.Name, [("deployment", Blog), ("fault", "image-pull")]),
            ("clear", FaultKinds.Clear.Name, [("deployment", Blog)])));
        var preview = await host.Executor.PreviewAsync(ClusterActionsHost.Presenter, "inject", null, CancellationToken.None);
        await host.RunToEndAsync("inject", previewId: preview.PreviewId);

        var cleared = await host.RunToEndAsync("clear");

        Assert.Equal(ActionRunStatus.Succeeded, cleared.Status);
        var state = Assert.IsType<FaultState>(cleared.Result);
        Assert.Null(state.Healing);
        Assert.Contains("rollout undo", state.NotFollowed?.ToString(), StringComparison.Ordinal);
        Assert.Empty(await ActiveFaultsAsync(host.Sandbox));
    }

    [Fact]
    public async Task Run_WithPreviewOfAReplacedDeployment_IsRefusedAndSendsNoFault()
    {
        await using var host = await ClusterActionsHost.StartAsync(scenario: BlogCrashLoop);
        var preview = await host.Executor.PreviewAsync(ClusterActionsHost.Presenter, "inject", null, CancellationToken.None);
        var deployment = await host.Client.AppsV1.ReadNamespacedDeploymentAsync(Blog, Ns);
        await host.Client.AppsV1.DeleteNamespacedDeploymentAsync(Blog, Ns);
        deployment.Metadata.ResourceVersion = null;
        deployment.Metadata.Uid = null;
        await host.Client.AppsV1.CreateNamespacedDeploymentAsync(deployment, Ns);

        var run = await host.RunToEndAsync("inject", previewId: preview.PreviewId);

        Assert.Equal(ActionRunStatus.Refused, run.Status);
        Assert.Contains("is not the one previewed", run.Message?.ToString(), StringComparison.Ordinal);
        Assert.Empty(FaultRequests(host.Sandbox));
    }

    [Theory]
    [InlineData("istio-system", "istiod", "not allow-listed")]
    [InlineData("titanium-prod", "prod-redis", "looks like a database")]
    public async Task Start_OutsideTheGuardRails_IsRefusedAndSendsNoFault(string ns, string deployment, string reason)
    {
        await using var host = await ClusterActionsHost.StartAsync(scenario: Faults(
            ("inject", FaultKinds.Inject.Name, [("namespace", ns), ("deployment", deployment), ("fault", "crash-loop")])));

        var availability = host.Executor.List(ClusterActionsHost.Presenter).Single();
        var started = host.Executor.Start(ClusterActionsHost.Presenter, "inject");

        Assert.False(availability.CanRun);
        Assert.Contains(reason, availability.Reason);
        Assert.False(started.Started);
        Assert.Empty(FaultRequests(host.Sandbox));
    }

    [Fact]
    public async Task Start_OnARealCluster_IsRefusedAndSendsNothing()
    {
        await using var host = await ClusterActionsHost.StartAsync(scenario: BlogCrashLoop, mode: ClusterMode.Kubeconfig);
        host.Sandbox.Journal.Clear();

        var started = host.Executor.Start(ClusterActionsHost.Presenter, "inject");
        var preview = await host.Executor.PreviewAsync(ClusterActionsHost.Presenter, "inject", null, CancellationToken.None);

        Assert.False(started.Started);
        Assert.Contains("Faults are rehearsed on the sandbox only", started.Error, StringComparison.Ordinal);
        Assert.False(preview.CanRun);
        Assert.Empty(host.Sandbox.Journal.Requests);
    }

    [Fact]
    public async Task Run_ReadinessOnADeploymentWithoutAProbe_FailsWithTheSandboxsReason()
    {
        await using var host = await ClusterActionsHost.StartAsync(
            new ClusterActionOptions { AllowProtectedWorkloads = true },
            Faults(("inject", FaultKinds.Inject.Name, [("deployment", "prod-redis"), ("fault", "readiness")])));

        var run = await host.RunToEndAsync("inject");

        Assert.Equal(ActionRunStatus.Failed, run.Status);
        Assert.Equal("The sandbox refused readiness on prod-redis: container \"redis\" of deployment \"prod-redis\" has no readiness probe, so it cannot fail one", run.Message?.ToString());
        Assert.Empty(await ActiveFaultsAsync(host.Sandbox));
    }

    /// <summary>The sandbox's own list of active faults, as "namespace/deployment/kind".</summary>
    internal static async Task<List<string>> ActiveFaultsAsync(SandboxHost sandbox)
    {
        using var http = new HttpClient { BaseAddress = sandbox.KubernetesApi };
        var list = JsonNode.Parse(await http.GetStringAsync("/sandbox/v1/faults"))!;
        return [.. list["items"]!.AsArray().Select(f => $"{f!["namespace"]}/{f["deployment"]}/{f["kind"]}")];
    }

    /// <summary>Writes the fault endpoint received (the tests' own reads of the list are GETs).</summary>
    internal static List<ApiRequestRecord> FaultRequests(SandboxHost sandbox) =>
        sandbox.Journal.Requests.Where(r => r.Path.StartsWith("/sandbox/v1/", StringComparison.Ordinal) && r.Method != "GET").ToList();
}
