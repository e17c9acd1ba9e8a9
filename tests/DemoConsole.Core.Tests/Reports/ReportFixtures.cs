using DemoConsole.Core.Actions;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Pipeline;
using DemoConsole.Core.Reports;
using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Session;

namespace DemoConsole.Core.Tests.Reports;

/// <summary>Typed session pieces for report tests: timers with known part times, a demo commit's pipeline, a failed run.</summary>
internal static class ReportFixtures
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 4, 20, 0, 0, TimeSpan.Zero);

    /// <summary>Part 1 for 2 minutes, then part 3 until <paramref name="now"/> (T0 + 9 min: 7 minutes, over its 5-minute budget).</summary>
    public static SessionSnapshot Session(Scenario scenario, string checkedItem) => new()
    {
        Timers = DemoTimers.NotStarted.Start(T0, 1).EnterPart(3, T0.AddMinutes(2)),
        Driver = "alice",
        Checklist = System.Collections.Immutable.ImmutableDictionary<string, ChecklistMark>.Empty.Add(checkedItem, new ChecklistMark("bob", T0.AddMinutes(-30))),
    };

    public static ActionRunSnapshot CommitRun() => new()
    {
        RunId = "commit1",
        ActionId = "demo-commit",
        Kind = "demo-commit",
        Title = "데모 커밋",
        Part = 2,
        StartedBy = "alice",
        StartedAt = T0.AddMinutes(3),
        EndedAt = T0.AddMinutes(6),
        Status = ActionRunStatus.Succeeded,
        Result = new DemoCommitProgress("DvwN-Lee/Monitoring-v2", "main", "user-service/DEMO.txt", "데모", "abcdef1234567", "https://github.example/c", Pipeline(), null),
    };

    public static ActionRunSnapshot FailedRun() => new()
    {
        RunId = "failed1",
        ActionId = "gateway-rollout-undo",
        Kind = "rollout-undo",
        Title = "Gateway undo",
        StartedBy = "alice",
        StartedAt = T0.AddMinutes(7),
        EndedAt = T0.AddMinutes(7.1),
        Status = ActionRunStatus.Failed,
        Message = UiMessage.Verbatim("There is no earlier revision."),
    };

    private static PipelineSnapshot Pipeline()
    {
        var at = T0.AddMinutes(3);
        PipelineStage Stage(PipelineStageKind kind, int from, int to) => new(kind, PipelineStageState.Succeeded, at.AddSeconds(from), at.AddSeconds(to), "");
        return new PipelineSnapshot(
            new PipelineCommitView("abcdef1234567", "데모", "", at, "https://github.example/c"), [], null, "v1.2.3", null, null,
            [Stage(PipelineStageKind.Commit, 0, 1), Stage(PipelineStageKind.Ci, 1, 95), Stage(PipelineStageKind.Cd, 95, 120), Stage(PipelineStageKind.Sync, 120, 150), Stage(PipelineStageKind.Rollout, 150, 171)],
            PipelineOutcome.Succeeded, null, null, TimeSpan.FromSeconds(171), GitHubRequestStats.None, 12, at.AddSeconds(172));
    }
}
