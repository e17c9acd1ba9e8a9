using Bunit;
using DemoConsole.Core.Pipeline;
using DemoConsole.Web.Components.Panels.Results;

namespace DemoConsole.Web.Tests.Components;

public class DemoCommitResultViewTests : ConsoleComponentTest
{
    private static readonly DateTimeOffset At = new(2026, 12, 4, 20, 0, 0, TimeSpan.Zero);

    private static PipelineSnapshot Failed()
    {
        var steps = new List<PipelineStepView>
        {
            new(1, "Build image", "completed", "success", At.AddSeconds(10), At.AddSeconds(55)),
            new(2, "Trivy vulnerability scan", "completed", "failure", At.AddSeconds(55), At.AddSeconds(80)),
            new(3, "Push image", "completed", "skipped", null, null),
        };
        var job = new PipelineJobView(7, "build (user-service)", "completed", "failure", At.AddSeconds(5), At.AddSeconds(81), "https://github.example/DvwN-Lee/Monitoring-v2/actions/runs/1/job/7", steps);
        var run = new PipelineRunView(1, "CI", "push", "abcdef1234567", 58, "completed", "failure", At, At.AddSeconds(81), "https://github.example/r/1", [job]);
        PipelineStage Stage(PipelineStageKind kind, PipelineStageState state, string detail) => new(kind, state, At, state == PipelineStageState.Pending ? null : At.AddSeconds(81), detail);
        return new PipelineSnapshot(
            new PipelineCommitView("abcdef1234567", "데모 [fail:trivy]", "", At, "https://github.example/c"), [run], null, null, null, null,
            [Stage(PipelineStageKind.Commit, PipelineStageState.Succeeded, "abcdef1"), Stage(PipelineStageKind.Ci, PipelineStageState.Failed, "CI #58 failed at Trivy vulnerability scan."),
             Stage(PipelineStageKind.Cd, PipelineStageState.Pending, "Not started: CI failed."), Stage(PipelineStageKind.Sync, PipelineStageState.Pending, ""), Stage(PipelineStageKind.Rollout, PipelineStageState.Pending, "")],
            PipelineOutcome.Failed, new PipelineFailure("CI", job.Name, "Trivy vulnerability scan", job.HtmlUrl), null, TimeSpan.FromSeconds(81), GitHubRequestStats.None, 9, At.AddSeconds(82));
    }

    [Fact]
    public void Render_FailedScan_ShowsTheRedStepWithItsLogAndTheStoppedClock()
    {
        var progress = new DemoCommitProgress("DvwN-Lee/Monitoring-v2", "main", "user-service/DEMO.txt", "데모 [fail:trivy]", "abcdef1234567", "https://github.example/c", Failed(), null);

        var cut = Render<DemoCommitResultView>(p => p.Add(x => x.Result, progress));

        Assert.Equal("failed", cut.Find("[data-testid=pipeline]").GetAttribute("data-outcome"));
        Assert.Equal("1:21", cut.Find("[data-testid=pipeline-clock]").TextContent);
        Assert.Contains("Trivy vulnerability scan", cut.Find("[data-testid=pipeline-failed-step]").TextContent);
        Assert.Equal("https://github.example/DvwN-Lee/Monitoring-v2/actions/runs/1/job/7", cut.Find("[data-testid=pipeline-failed-step] a").GetAttribute("href"));
        Assert.Equal("failed", cut.Find("[data-stage=ci]").ClassName);
        Assert.Equal("pending", cut.Find("[data-stage=rollout]").ClassName);
        Assert.Contains(cut.FindAll("[data-testid=pipeline-steps] li"), li => li.ClassName == "failure" && li.TextContent.Contains("Trivy", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_BeforeTheCommit_NamesTargetAndSaysCommitting()
    {
        var cut = Render<DemoCommitResultView>(p => p.Add(x => x.Result, new DemoCommitProgress("DvwN-Lee/Monitoring-v2", "main", "user-service/DEMO.txt", "데모", null, null, null, null)));

        Assert.Contains("committing", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("DvwN-Lee/Monitoring-v2 @ main: user-service/DEMO.txt", cut.Markup.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(60, true)]
    [InlineData(120, false)]
    public void Render_ClockAgainstTheScenariosBudget_IsRedOnlyPastIt(int budgetSeconds, bool over)
    {
        var progress = new DemoCommitProgress("DvwN-Lee/Monitoring-v2", "main", "user-service/DEMO.txt", "데모", "abcdef1234567", "https://github.example/c", Failed(), null)
        {
            Budget = TimeSpan.FromSeconds(budgetSeconds),
        };

        var cut = Render<DemoCommitResultView>(p => p.Add(x => x.Result, progress));

        Assert.Equal(over, cut.Find("[data-testid=pipeline-clock]").ClassList.Contains("over"));
    }
}
