using Bunit;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Actions.Kinds;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Pipeline;
using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Session;
using DemoConsole.Tests.Shared;
using DemoConsole.Web.Components.Pages;

namespace DemoConsole.Web.Tests.Components;

/// <summary>
/// Part 2 as the runbook lays it out: the demo-commit action and a pipeline view. The finished pipeline's timeline is
/// on each screen once, in the pipeline view; the presenter's action card keeps the run's status and summary figures.
/// </summary>
public class PipelineOnPageTests : ConsoleComponentTest
{
    private const string Summary = "abcdef1 is running: 2/2 new pods Ready 190 s after the commit (CI 2:01, CD 0:32, Argo CD 0:07, rollout 0:50).";
    private static readonly DateTimeOffset At = new(2026, 12, 4, 20, 0, 0, TimeSpan.Zero);

    public PipelineOnPageTests()
    {
        var scenario = TestScenarios.ThreeParts(TestScenarios.Action("demo-commit", DemoCommitKind.Descriptor.Name, part: 2));
        var part = scenario.Parts[1];
        var pipeline = new ViewDefinition("pipeline", ViewKinds.Pipeline, "Commit to new pods", 2, new Dictionary<string, string>(), 25);
        Source.Replace(scenario with
        {
            Parts = [scenario.Parts[0], part with { Section = part.Section with { Blocks = [.. part.Section.Blocks, new ViewBlock(25, pipeline)] } }, scenario.Parts[2]],
        });
        MoreHandlers.Add(new FinishedDemoCommit());
    }

    [Fact]
    public void PresenterPart2_FinishedPipeline_TimelineOnceInThePipelineViewAndTheCardKeepsTheFigures()
    {
        var cut = Render<PartPage>(p => p.Add(x => x.Number, 2).AddCascadingValue(ContextFor(Alice)));

        Executor.Start(Alice, "demo-commit");

        cut.WaitForAssertion(() => Assert.Contains(Summary, cut.Find("[data-testid=action-demo-commit] [data-testid=run-message]").TextContent));
        cut.WaitForAssertion(() => Assert.Equal("succeeded", Assert.Single(cut.FindAll("[data-testid=pipeline]")).GetAttribute("data-outcome")));
        Assert.NotNull(cut.Find("[data-testid=pipeline-view] [data-testid=pipeline]"));
        Assert.Equal("succeeded", cut.Find("[data-testid=action-demo-commit] [data-testid=run-result]").GetAttribute("data-status"));
        Assert.Contains("pipeline view", cut.Find("[data-testid=action-demo-commit] [data-testid=run-result-elsewhere]").TextContent);
    }

    [Fact]
    public void AudiencePart2_FinishedPipeline_TimelineOnceInThePipelineView()
    {
        Session.GoTo(Alice, SessionPosition.ForPart(2));
        var cut = Render<Watch>();

        Executor.Start(Alice, "demo-commit");

        cut.WaitForAssertion(() => Assert.Equal("succeeded", Assert.Single(cut.FindAll("[data-testid=pipeline]")).GetAttribute("data-outcome")));
        Assert.NotNull(cut.Find("[data-testid=pipeline-view] [data-testid=pipeline]"));
        Assert.Empty(cut.FindAll("[data-testid=audience-run-demo-commit]"));
    }

    private static DemoCommitProgress Finished()
    {
        PipelineStage Stage(PipelineStageKind kind, int from, int to) => new(kind, PipelineStageState.Succeeded, At.AddSeconds(from), At.AddSeconds(to), kind.ToString());
        var pipeline = new PipelineSnapshot(
            new PipelineCommitView("abcdef1234567", "데모", "", At, "https://github.example/c"), [], null, "abcdef1", null, null,
            [Stage(PipelineStageKind.Commit, 0, 0), Stage(PipelineStageKind.Ci, 0, 121), Stage(PipelineStageKind.Cd, 121, 153), Stage(PipelineStageKind.Sync, 153, 160), Stage(PipelineStageKind.Rollout, 160, 190)],
            PipelineOutcome.Succeeded, null, null, TimeSpan.FromSeconds(190), GitHubRequestStats.None, 40, At.AddSeconds(190));
        return new DemoCommitProgress("DvwN-Lee/Monitoring-v2", "main", "user-service/DEMO.txt", "데모", "abcdef1234567", "https://github.example/c", pipeline, null);
    }

    /// <summary>A demo commit whose pipeline has already finished: reports the result and succeeds with the summary.</summary>
    private sealed class FinishedDemoCommit : IActionHandler
    {
        public ActionKindDescriptor Descriptor => new() { Name = DemoCommitKind.Descriptor.Name, Parameters = [], ResultType = typeof(DemoCommitProgress) };

        public UiMessage? Validate(ActionDefinition action) => null;

        public Task<ActionOutcome> RunAsync(ActionRunContext context, CancellationToken cancellationToken)
        {
            var result = Finished();
            context.Report(result);
            return Task.FromResult(ActionOutcome.Succeeded(UiMessage.Verbatim(Summary), result));
        }
    }
}
