using System.Diagnostics;
using System.Globalization;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Load;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Security;
using DemoConsole.Core.Tests.Cluster.Actions;
using DemoConsole.Sandbox;
using DemoConsole.Tests.Shared;
using k8s;
using k8s.Models;
using Xunit.Abstractions;

namespace DemoConsole.Core.Tests.StopAll;

/// <summary>
/// Stop everything against the sandbox, with the real executor, load engine and KubernetesClient: running load ends,
/// the object the console created is deleted, and nothing else reaches the cluster (the sandbox's request journal).
/// </summary>
public sealed class StopEverythingTests(ITestOutputHelper output)
{
    private const string Ns = "titanium-prod";
    private const string LoadGeneratorPath = "/apis/apps/v1/namespaces/titanium-prod/deployments/load-generator";

    [Fact]
    public async Task Run_DuringBurstSequenceAndSteadyTraffic_EndsThemAndDeletesOnlyTheAppliedLoadGenerator()
    {
        await using var host = await ClusterActionsHost.StartAsync();
        var apply = await host.RunToEndAsync("load-generator-apply");
        var uid = (await host.Client.AppsV1.ReadNamespacedDeploymentAsync("load-generator", Ns)).Metadata.Uid;
        var deploymentsBefore = await DeploymentNamesAsync(host.Client);
        var runs = new[] { "traffic-burst", "errors-404", "background-traffic" }.Select(id => host.Executor.Start(ClusterActionsHost.Presenter, id)).ToList();
        Assert.All(runs, r => Assert.True(r.Started, r.Error));
        await AsyncWait.ForAsync(host.Executor.WatchAsync,
            b => runs.All(r => b.FindRun(r.RunId!) is { IsRunning: true, Result: LoadSnapshot { Completed: > 0 } }), "every load run to have answers");
        var journalMark = host.Sandbox.Journal.Requests.Count;

        var clock = Stopwatch.StartNew();
        var report = await host.StopEverything.RunAsync(ClusterActionsHost.Presenter, CancellationToken.None);
        clock.Stop();

        Assert.Equal(ActionRunStatus.Succeeded, apply.Status);
        Assert.Null(report.Refusal);
        Assert.Empty(report.StillRunning);
        Assert.Equal(runs.Select(r => r.RunId).Order(), report.Stopped.Select(s => s.RunId).Order());
        Assert.All(report.Stopped, s => Assert.Equal(ActionRunStatus.Cancelled, s.Status));
        Assert.All(runs, r => Assert.False(host.Executor.FindRun(r.RunId!)!.IsRunning));
        Assert.All(runs, r => Assert.Equal(LoadRunState.Stopped, Assert.IsType<LoadSnapshot>(host.Executor.FindRun(r.RunId!)!.Result).State));
        var removed = Assert.Single(report.Removed);
        Assert.Equal(("Deployment", "load-generator", Ns, "deleted"), (removed.Kind, removed.Name, removed.Namespace, removed.Outcome.ToString()));
        Assert.Contains(report.AlreadyStopped, a => a.ActionId == "errors-405" && a.LastStatus is null);
        Assert.Contains(report.AlreadyStopped, a => a.ActionId == "load-generator-apply" && a.LastStatus == ActionRunStatus.Succeeded);

        var writes = host.Sandbox.Journal.Requests.Skip(journalMark).Where(r => r.Method != "GET").ToList();
        var delete = Assert.Single(writes);
        Assert.Equal(("DELETE", LoadGeneratorPath), (delete.Method, delete.Path));
        Assert.Contains(uid, delete.Body);
        Assert.Equal(deploymentsBefore.Where(d => d != $"{Ns}/load-generator"), await DeploymentNamesAsync(host.Client));

        foreach (var s in report.Stopped)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.ActionId} ({s.Kind}) ended {s.EndedAfter!.Value.TotalMilliseconds:F1} ms after the stop request"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stop everything returned after {clock.Elapsed.TotalMilliseconds:F1} ms (report: {report.Took.TotalMilliseconds:F1} ms)"));
    }

    [Fact]
    public async Task Run_AfterAnInjectedFault_ClearsItAndOnlyIt_AndLeavesAClearedOneAlone()
    {
        await using var host = await ClusterActionsHost.StartAsync(scenario: FaultActionTests.BlogCrashLoop);
        var preview = await host.Executor.PreviewAsync(ClusterActionsHost.Presenter, "inject", null, CancellationToken.None);
        var injected = await host.RunToEndAsync("inject", previewId: preview.PreviewId);
        var writesBefore = FaultActionTests.FaultRequests(host.Sandbox).Count;

        var report = await host.StopEverything.RunAsync(ClusterActionsHost.Presenter, CancellationToken.None);
        var again = await host.StopEverything.RunAsync(ClusterActionsHost.Presenter, CancellationToken.None);

        Assert.Equal(ActionRunStatus.Succeeded, injected.Status);
        var cleared = Assert.Single(report.Removed);
        Assert.Equal(("Fault", "prod-blog-service-deployment", Ns, "crash-loop cleared", false), (cleared.Kind, cleared.Name, cleared.Namespace, cleared.Outcome.ToString(), cleared.Failed));
        Assert.Empty(await FaultActionTests.ActiveFaultsAsync(host.Sandbox));
        // One clear per stop, to that deployment only; the second finds the fault already gone and says so.
        var writes = FaultActionTests.FaultRequests(host.Sandbox).Skip(writesBefore).ToList();
        Assert.Equal(2, writes.Count);
        Assert.All(writes, w => Assert.Equal(("DELETE", "/sandbox/v1/namespaces/titanium-prod/deployments/prod-blog-service-deployment/fault"), (w.Method, w.Path)));
        Assert.Equal("crash-loop already cleared", Assert.Single(again.Removed).Outcome?.ToString());
    }

    [Fact]
    public async Task Run_AfterAFaultWasClearedByItsAction_SendsNoFaultRequest()
    {
        await using var host = await ClusterActionsHost.StartAsync(scenario: FaultActionTests.BlogCrashLoop);
        var preview = await host.Executor.PreviewAsync(ClusterActionsHost.Presenter, "inject", null, CancellationToken.None);
        await host.RunToEndAsync("inject", previewId: preview.PreviewId);
        await host.RunToEndAsync("clear");
        var writesBefore = FaultActionTests.FaultRequests(host.Sandbox).Count;

        var report = await host.StopEverything.RunAsync(ClusterActionsHost.Presenter, CancellationToken.None);

        Assert.Empty(report.Removed);
        Assert.Equal(writesBefore, FaultActionTests.FaultRequests(host.Sandbox).Count);
    }

    [Fact]
    public async Task Run_LoadGeneratorThatExistedBeforeTheApply_IsLeftAlone()
    {
        await using var host = await ClusterActionsHost.StartAsync();
        await ApplyLoadGeneratorAsOutsiderAsync(host);
        var apply = await host.RunToEndAsync("load-generator-apply");
        var journalMark = host.Sandbox.Journal.Requests.Count;

        var report = await host.StopEverything.RunAsync(ClusterActionsHost.Presenter, CancellationToken.None);

        Assert.Equal(ActionRunStatus.Succeeded, apply.Status);
        Assert.True(report.DidNothing);
        Assert.Empty(report.Removed);
        Assert.DoesNotContain(host.Sandbox.Journal.Requests.Skip(journalMark), r => r.Method != "GET");
        Assert.NotNull(await host.Client.AppsV1.ReadNamespacedDeploymentAsync("load-generator", Ns));
    }

    [Fact]
    public async Task Run_LoadGeneratorReplacedBySomeoneElse_IsLeftAlone()
    {
        await using var host = await ClusterActionsHost.StartAsync();
        await host.RunToEndAsync("load-generator-apply");
        var ours = (await host.Client.AppsV1.ReadNamespacedDeploymentAsync("load-generator", Ns)).Metadata.Uid;
        await host.Client.AppsV1.DeleteNamespacedDeploymentAsync("load-generator", Ns);
        await ApplyLoadGeneratorAsOutsiderAsync(host);

        var report = await host.StopEverything.RunAsync(ClusterActionsHost.Presenter, CancellationToken.None);

        var removed = Assert.Single(report.Removed);
        Assert.StartsWith("replaced by an object the console did not create", removed.Outcome?.ToString());
        Assert.False(removed.Failed);
        var theirs = await host.Client.AppsV1.ReadNamespacedDeploymentAsync("load-generator", Ns);
        Assert.NotEqual(ours, theirs.Metadata.Uid);
    }

    [Fact]
    public async Task Run_AfterTheDeleteAction_ReportsItAlreadyRemovedWithoutWriting()
    {
        await using var host = await ClusterActionsHost.StartAsync();
        await host.RunToEndAsync("load-generator-apply");
        var preview = await host.Executor.PreviewAsync(ClusterActionsHost.Presenter, "load-generator-delete", null, CancellationToken.None);
        await host.RunToEndAsync("load-generator-delete", previewId: preview.PreviewId);
        var journalMark = host.Sandbox.Journal.Requests.Count;

        var report = await host.StopEverything.RunAsync(ClusterActionsHost.Presenter, CancellationToken.None);

        Assert.Empty(report.Removed);
        Assert.StartsWith("deleted by run", Assert.Single(report.AlreadyRemoved).Outcome?.ToString());
        Assert.DoesNotContain(host.Sandbox.Journal.Requests.Skip(journalMark), r => r.Method != "GET");
    }

    [Fact]
    public async Task Run_AsViewer_IsRefusedAndStopsNothing()
    {
        await using var host = await ClusterActionsHost.StartAsync();
        var burst = host.Executor.Start(ClusterActionsHost.Presenter, "background-traffic");

        var report = await host.StopEverything.RunAsync(Actor.Viewer("bob"), CancellationToken.None);

        Assert.Equal("Only a presenter can stop everything.", report.Refusal?.ToString());
        Assert.True(host.Executor.FindRun(burst.RunId!)!.IsRunning);
        host.Executor.Stop(ClusterActionsHost.Presenter, burst.RunId!);
    }

    private static async Task<List<string>> DeploymentNamesAsync(IKubernetes client) =>
        (await client.AppsV1.ListDeploymentForAllNamespacesAsync()).Items.Select(d => $"{d.Namespace()}/{d.Name()}").Order(StringComparer.Ordinal).ToList();

    /// <summary>Someone else's load-generator, created outside the console (a plain create, as kubectl create would).</summary>
    private static async Task ApplyLoadGeneratorAsOutsiderAsync(ClusterActionsHost host)
    {
        var deployment = KubernetesYaml.Deserialize<V1Deployment>(await File.ReadAllTextAsync(SandboxHost.LoadGeneratorManifestPath));
        await host.Client.AppsV1.CreateNamespacedDeploymentAsync(deployment, Ns);
    }
}
