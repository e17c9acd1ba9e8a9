using DemoConsole.Core.Actions;
using DemoConsole.Core.Cluster.Actions;
using DemoConsole.Core.Load;
using DemoConsole.Core.Pipeline;
using DemoConsole.Core.Reports;
using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Tests.Cluster.Actions;
using DemoConsole.Tests.Shared;

namespace DemoConsole.Core.Tests.Reports;

/// <summary>The report's figures are the run results' figures: real runs against the sandbox, then the report built from them.</summary>
public sealed class SessionReportBuilderTests
{
    [Fact]
    public async Task Build_FromRealBurstSequenceAndPodKill_FiguresEqualTheRunResults()
    {
        await using var host = await ClusterActionsHost.StartAsync();
        var burst = host.Executor.Start(ClusterActionsHost.Presenter, "traffic-burst");
        var sequence = host.Executor.Start(ClusterActionsHost.Presenter, "errors-405");
        var kill = await host.RunToEndAsync("kill-blog-pod");
        await AsyncWait.ForAsync(host.Executor.WatchAsync, b => b.Runs.All(r => !r.IsRunning), "every run to end");
        var scenario = DefaultScenario.Load();
        var checkedItem = scenario.Checklists[0].Items[0].Id;
        var runs = host.Executor.Board.Runs.Concat([ReportFixtures.CommitRun(), ReportFixtures.FailedRun()]).ToList();
        var session = ReportFixtures.Session(scenario, checkedItem);
        var now = ReportFixtures.T0.AddMinutes(9);

        var report = SessionReportBuilder.Build(new ReportSources(scenario, session, runs, JournalSnapshot.Empty, now));

        Assert.Equal(ActionRunStatus.Succeeded, kill.Status);
        Assert.Equal(runs.OrderBy(r => r.StartedAt).Select(r => r.RunId), report.Runs.Select(r => r.RunId));
        foreach (var id in new[] { burst.RunId!, sequence.RunId! })
        {
            var result = Assert.IsType<LoadSnapshot>(host.Executor.FindRun(id)!.Result);
            var figures = report.Runs.Single(r => r.RunId == id).Load!;
            Assert.Equal(result.Completed, figures.Completed);
            Assert.Equal(result.Errors, figures.Errors);
            Assert.Equal((result.Latency.P50, result.Latency.P95, result.Latency.P99, result.Latency.Max), (figures.P50, figures.P95, figures.P99, figures.Max));
            Assert.Equal(result.StatusCounts, figures.StatusCounts);
            Assert.Equal(result.Expectation!.Passed, figures.ExpectationPassed);
            Assert.Equal(result.Expectation.Share, figures.ExpectationShare);
            Assert.Equal(result.Timeline.Sum(s => s.Completed), figures.PerSecond.Sum(s => s.Completed));
            Assert.Equal(result.Timeline.Select(s => s.P99?.TotalMilliseconds), figures.PerSecond.Select(s => s.P99Ms));
            Assert.Equal(result.Requests.Select(r => r.Latency.TotalMilliseconds), figures.RequestLatenciesMs);
        }

        var timeline = Assert.IsType<RecoveryTimeline>(kill.Result);
        var recovery = report.Runs.Single(r => r.RunId == kill.RunId).Recovery!;
        Assert.NotNull(timeline.RecoverySeconds);
        Assert.Equal(timeline.RecoverySeconds, recovery.RecoverySeconds);
        Assert.Equal((timeline.KilledPod, timeline.ReplacementPod), (recovery.KilledPod, recovery.ReplacementPod));
        Assert.Equal((double)(timeline.Availability.Requests - timeline.Availability.Failed) / timeline.Availability.Requests, recovery.Availability);

        var pipeline = ((DemoCommitProgress)ReportFixtures.CommitRun().Result!).Pipeline!;
        var commit = report.Runs.Single(r => r.RunId == "commit1").Commit!;
        Assert.Equal(pipeline.Elapsed, commit.CommitToRunning);
        Assert.Equal(pipeline.Stages.Select(s => s.Duration), commit.Stages.Select(s => s.Duration));
        Assert.Equal(pipeline.Elapsed, commit.Stages.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration!.Value));

        Assert.Equal(TimeSpan.FromMinutes(2), report.Parts.Single(p => p.Number == 1).Spent);
        Assert.Equal(TimeSpan.FromMinutes(7), report.Parts.Single(p => p.Number == 3).Spent);
        Assert.Equal([3], report.Parts.Where(p => p.Over).Select(p => p.Number));
        Assert.Equal(TimeSpan.FromMinutes(9), report.TotalSpent);
        Assert.Equal(["alice"], report.Presenters);
        var line = Assert.Single(report.Checklist, c => c.Done);
        Assert.Equal((checkedItem, "bob"), (line.ItemId, line.By));
        var problem = Assert.Single(report.Problems);
        Assert.Equal(("failed", "Gateway undo: There is no earlier revision."), (problem.Kind, problem.Text));
        Assert.Equal("the alerts were not watched during this session", report.AlertsNotWatched);
    }
}
