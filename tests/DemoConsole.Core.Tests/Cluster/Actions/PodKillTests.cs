using DemoConsole.Core.Actions;
using DemoConsole.Core.Cluster.Actions;
using DemoConsole.Core.Scenarios;
using DemoConsole.Tests.Shared;
using k8s;

namespace DemoConsole.Core.Tests.Cluster.Actions;

/// <summary>pod-kill through the real executor against a private sandbox: timeline, recovery, availability, preview.</summary>
public sealed class PodKillTests
{
    private const string Ns = "titanium-prod";
    private const string Blog = "prod-blog-service-deployment";

    [Fact]
    public async Task Run_DefaultScenarioKillBlogPod_ReportsFullTimelineRecoveryAndAvailability()
    {
        await using var host = await ClusterActionsHost.StartAsync(new ClusterActionOptions { AvailabilityInterval = TimeSpan.FromMilliseconds(50) }, timeScale: 0.05);
        var before = await host.Client.CoreV1.ListNamespacedPodAsync(Ns, labelSelector: "app=blog-service");

        var run = await host.RunToEndAsync("kill-blog-pod");

        Assert.Equal(ActionRunStatus.Succeeded, run.Status);
        var timeline = Assert.IsType<RecoveryTimeline>(run.Result);
        Assert.Equal(RecoveryState.Recovered, timeline.State);
        Assert.Equal($"Deployment/{Blog}", timeline.Workload);
        Assert.Contains(before.Items, p => p.Metadata.Name == timeline.KilledPod);
        Assert.DoesNotContain(before.Items, p => p.Metadata.Name == timeline.ReplacementPod);
        Assert.Equal(["delete-requested", "terminating", "replacement-created", "scheduled", "containers-running", "ready"], timeline.Steps.Select(s => s.Key));
        Assert.All(timeline.Steps, s => Assert.True(s.Done, $"{s.Key} was not seen"));
        var start = timeline.Steps[0].At!.Value;
        Assert.All(timeline.Steps, s => Assert.True(s.At >= start, $"{s.Key} before the delete"));
        var replacement = timeline.Steps.Skip(2).Select(s => s.At!.Value).ToList();
        Assert.Equal(replacement.Order(), replacement);
        Assert.True(timeline.RecoverySeconds > 0);
        Assert.Equal(timeline.Steps[^1].Seconds, timeline.RecoverySeconds);
        Assert.True(timeline.Availability.Requests > 0, "no availability requests were counted");
        Assert.Null(timeline.Availability.NotMeasured);
        Assert.Equal(0, timeline.Availability.Failed);
        Assert.Equal(timeline.Availability.Requests, timeline.Availability.StatusCounts[200]);
        Assert.Contains("0 failed", run.Message?.ToString());
        var delete = Assert.Single(host.PodDeletes(dryRun: false));
        Assert.EndsWith("/pods/" + timeline.KilledPod, delete.Path);
    }

    [Fact]
    public async Task PreviewAsync_BlogService_NamesThePodAndSendsOnlyADryRunDelete()
    {
        await using var host = await ClusterActionsHost.StartAsync();
        var action = DefaultScenario.Load().Actions.Single(a => a.Id == "kill-blog-pod");

        var preview = await host.Kills.PreviewAsync(action, CancellationToken.None);

        Assert.True(preview.CanKill, preview.Summary?.ToString());
        Assert.True(preview.DryRunAccepted);
        Assert.StartsWith(Blog + "-", preview.Plan.Pod);
        Assert.Contains(preview.Plan.Pod!, preview.Summary?.ToString());
        Assert.Equal(2, preview.Plan.ReadyReplicas);
        Assert.Contains("1 stay Ready", preview.Summary?.ToString());
        var dryRun = Assert.Single(host.PodDeletes(dryRun: true));
        Assert.EndsWith("/pods/" + preview.Plan.Pod, dryRun.Path);
        Assert.Empty(host.PodDeletes(dryRun: false));
        var pod = await host.Client.CoreV1.ReadNamespacedPodAsync(preview.Plan.Pod, Ns);
        Assert.Null(pod.Metadata.DeletionTimestamp);
    }

    [Fact]
    public async Task Run_WithPreviewId_DeletesExactlyThePreviewedPodByItsUid()
    {
        await using var host = await ClusterActionsHost.StartAsync();
        var preview = await host.Executor.PreviewAsync(ClusterActionsHost.Presenter, "kill-blog-pod", null, CancellationToken.None);
        Assert.True(preview.CanRun, preview.Reason?.ToString());
        var pod = preview.Target!.Split(' ')[1];
        var uid = (await host.Client.CoreV1.ReadNamespacedPodAsync(pod, "titanium-prod")).Metadata.Uid;

        var run = await host.RunToEndAsync("kill-blog-pod", previewId: preview.PreviewId);

        Assert.Equal(ActionRunStatus.Succeeded, run.Status);
        Assert.Equal(pod, Assert.IsType<RecoveryTimeline>(run.Result).KilledPod);
        var delete = Assert.Single(host.PodDeletes(dryRun: false));
        Assert.EndsWith("/pods/" + pod, delete.Path);
        Assert.Contains(uid, delete.Body, StringComparison.Ordinal);
        Assert.Single(host.PodDeletes(dryRun: true));
    }

    [Fact]
    public async Task Run_WithPreviewOfAPodThatWasReplaced_RefusesAndPicksNoOther()
    {
        await using var host = await ClusterActionsHost.StartAsync();
        var preview = await host.Executor.PreviewAsync(ClusterActionsHost.Presenter, "kill-blog-pod", null, CancellationToken.None);
        var pod = preview.Target!.Split(' ')[1];
        await host.Client.CoreV1.DeleteNamespacedPodAsync(pod, "titanium-prod");

        var run = await host.RunToEndAsync("kill-blog-pod", previewId: preview.PreviewId);

        Assert.Equal(ActionRunStatus.Refused, run.Status);
        Assert.Contains($"The confirmed pod {pod} is no longer there", run.Message?.ToString(), StringComparison.Ordinal);
        Assert.Single(host.PodDeletes(dryRun: false));
    }

    [Fact]
    public async Task Start_WithAPreviewIdUsedTwice_RefusesTheSecondRun()
    {
        await using var host = await ClusterActionsHost.StartAsync();
        var preview = await host.Executor.PreviewAsync(ClusterActionsHost.Presenter, "kill-blog-pod", null, CancellationToken.None);
        await host.RunToEndAsync("kill-blog-pod", previewId: preview.PreviewId);

        var again = host.Executor.Start(ClusterActionsHost.Presenter, "kill-blog-pod", null, preview.PreviewId);

        Assert.False(again.Started);
        Assert.Contains("already used", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SecondKillWithinMinimumInterval_IsRefusedAndSendsNoDelete()
    {
        await using var host = await ClusterActionsHost.StartAsync(new ClusterActionOptions { MinimumKillInterval = TimeSpan.FromHours(1) });
        var first = await host.RunToEndAsync("kill-blog-pod");

        var second = host.Executor.Start(ClusterActionsHost.Presenter, "kill-blog-pod");
        var preview = await host.Kills.PreviewAsync(DefaultScenario.Load().Actions.Single(a => a.Id == "kill-blog-pod"), CancellationToken.None);

        Assert.Equal(ActionRunStatus.Succeeded, first.Status);
        Assert.False(second.Started);
        Assert.Contains("minimum interval", second.Error);
        Assert.False(preview.CanKill);
        Assert.Single(host.PodDeletes(dryRun: false));
        Assert.Empty(host.PodDeletes(dryRun: true));
    }

    [Fact]
    public async Task RunAsync_Kill_ReportsTheTimelineLiveBeforeTheReplacementIsReady()
    {
        await using var host = await ClusterActionsHost.StartAsync(timeScale: 0.05);
        var action = DefaultScenario.Load().Actions.Single(a => a.Id == "kill-blog-pod");
        var handler = host.Handler(PodKillKind.Descriptor.Name);
        var reports = new List<RecoveryTimeline>();

        var outcome = await handler.RunAsync(new ActionRunContext("run", action, "alice", r =>
        {
            lock (reports)
            {
                reports.Add(Assert.IsType<RecoveryTimeline>(r));
            }
        }), CancellationToken.None);

        Assert.Equal(ActionRunStatus.Succeeded, outcome.Status);
        Assert.Contains(reports, r => r.State == RecoveryState.Deleting && r.Steps[0].Done && r.RecoverySeconds is null);
        Assert.Contains(reports, r => r.State == RecoveryState.Recovering && r.ReplacementPod is not null && !r.Steps[^1].Done);
        Assert.Equal(RecoveryState.Recovered, reports[^1].State);
        Assert.Equal(outcome.Result, reports[^1]);
    }

    [Fact]
    public async Task Run_WatchStreamsCutShort_TimelineStillCompletesFromFreshLists()
    {
        await using var host = await ClusterActionsHost.StartAsync(new ClusterActionOptions { WatchWindow = TimeSpan.FromMilliseconds(20) }, timeScale: 0.05);

        var run = await host.RunToEndAsync("kill-blog-pod");

        Assert.Equal(ActionRunStatus.Succeeded, run.Status);
        var timeline = Assert.IsType<RecoveryTimeline>(run.Result);
        Assert.All(timeline.Steps, s => Assert.True(s.Done, $"{s.Key} was not seen"));
        var podReads = host.Sandbox.Journal.Requests.Where(r => r.Method == "GET" && r.Path == $"/api/v1/namespaces/{Ns}/pods").ToList();
        Assert.True(podReads.Count(r => r.Query.Contains("watch=true", StringComparison.Ordinal)) > 1, "the watch was never reopened");
        Assert.True(podReads.Count(r => !r.Query.Contains("watch=true", StringComparison.Ordinal)) > 2, "the pods were never listed again");
    }
}
