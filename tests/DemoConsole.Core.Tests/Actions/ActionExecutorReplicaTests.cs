using DemoConsole.Core.Messages;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Security;
using DemoConsole.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace DemoConsole.Core.Tests.Actions;

/// <summary>The executor's side of console replicas: a follower hands commands to the leader and shows its board; a new leader ends the runs its predecessor left running as interrupted.</summary>
public sealed class ActionExecutorReplicaTests : IDisposable
{
    private static readonly Actor Alice = Actor.Presenter("alice");
    private readonly GatedActionHandler _handler = new();
    private readonly LeaderElsewhere _leader = new();
    private readonly ActionExecutor _follower;
    private readonly ActionExecutor _alone;

    public ActionExecutorReplicaTests()
    {
        var scenario = new TestScenarioSource(TestScenarios.ThreeParts(TestScenarios.Action("burst", "gated", part: 3)));
        _follower = new ActionExecutor(scenario, [_handler], TimeProvider.System, NullLogger<ActionExecutor>.Instance, leader: _leader);
        _alone = new ActionExecutor(scenario, [_handler], TimeProvider.System, NullLogger<ActionExecutor>.Instance);
    }

    public void Dispose()
    {
        _follower.Dispose();
        _alone.Dispose();
    }

    [Fact]
    public async Task Follower_HandsEveryCommandToTheLeader_AndRunsNothingItself()
    {
        var started = _follower.Start(Alice, "burst", new Dictionary<string, string>(), "p1");
        var stopped = _follower.Stop(Alice, "r1");
        _follower.StopAll(Alice);
        await _follower.PreviewAsync(Alice, "burst", null, CancellationToken.None);

        Assert.Equal("leader-run", started.RunId);
        Assert.Equal("r1", stopped.RunId);
        Assert.Equal(["start burst p1 alice", "stop r1", "stop-all alice", "preview burst"], _leader.Asked);
        Assert.Equal(0, _handler.Runs);
        Assert.Empty(_follower.Board.Runs);
    }

    [Fact]
    public void Follower_Start_ReturnsOnceItsBoardShowsTheLeadersRun()
    {
        _leader.Started = runId => _ = Task.Run(async () =>
        {
            await Task.Yield();
            _follower.Follow(new RunBoard(1, [Run(runId, ActionRunStatus.Running)]));
        });

        var started = _follower.Start(Alice, "burst");

        Assert.NotNull(_follower.FindRun(started.RunId!));
    }

    [Fact]
    public void Follower_StopByAViewer_IsRefusedBeforeAskingTheLeader()
    {
        Assert.False(_follower.Stop(Actor.Viewer("audience"), "r1").Started);
        Assert.Empty(_follower.StopAll(Actor.Viewer("audience")));
        Assert.Empty(_leader.Asked);
    }

    [Fact]
    public void Follower_ShowsTheLeadersBoard_AndItsRunningActionIsNotOfferedAgain()
    {
        _follower.Follow(new RunBoard(7, [Run("r9", ActionRunStatus.Running)]));

        Assert.Equal("r9", Assert.Single(_follower.Board.Runs).RunId);
        var burst = _follower.List(Alice).Single(a => a.Id == "burst");
        Assert.False(burst.CanRun);
        Assert.Equal("Running now.", burst.Reason);
    }

    [Fact]
    public void TakeOver_EndsThePreviousLeadersRunningRunsAsInterrupted_AndKeepsTheEndedOnes()
    {
        var previous = new RunBoard(3, [Run("r2", ActionRunStatus.Running), Run("r1", ActionRunStatus.Succeeded)]);

        var interrupted = _alone.TakeOver(previous);

        Assert.Equal("r2", Assert.Single(interrupted).RunId);
        var r2 = _alone.FindRun("r2")!;
        Assert.Equal(ActionRunStatus.Failed, r2.Status);
        Assert.StartsWith("Interrupted", r2.Message?.ToString(), StringComparison.Ordinal);
        Assert.NotNull(r2.EndedAt);
        Assert.Equal(ActionRunStatus.Succeeded, _alone.FindRun("r1")!.Status);
        // Nothing of it runs here any more, so the presenter may start it again.
        Assert.True(_alone.Start(Alice, "burst").Started);
    }

    [Fact]
    public void TakeOver_KeepsTheRunsInFlightHere()
    {
        var mine = _alone.Start(Alice, "burst").RunId!;

        _alone.TakeOver(new RunBoard(1, [Run("old", ActionRunStatus.Succeeded)]));

        Assert.True(_alone.FindRun(mine)!.IsRunning);
        Assert.NotNull(_alone.FindRun("old"));
        _handler.Finish(ActionOutcome.Succeeded(UiMessage.Verbatim("done")));
    }

    [Fact]
    public async Task StepDown_StopsTheRunsInFlightHere()
    {
        var mine = _alone.Start(Alice, "burst").RunId!;
        await AsyncWait.ForAsync(_alone.WatchAsync, b => b.FindRun(mine)?.Result is not null, "the run to report");

        Assert.Equal(1, _alone.StepDown());

        var ended = await AsyncWait.ForAsync(_alone.WatchAsync, b => b.FindRun(mine) is { IsRunning: false }, "the run to end");
        Assert.Equal(ActionRunStatus.Cancelled, ended.FindRun(mine)!.Status);
    }

    private static ActionRunSnapshot Run(string id, ActionRunStatus status) => new()
    {
        RunId = id,
        ActionId = "burst",
        Kind = "gated",
        Title = "Burst",
        StartedBy = "bob",
        StartedAt = DateTimeOffset.UnixEpoch,
        Status = status,
    };

    /// <summary>A leader in another process, as the follower sees it: it notes each command and answers it.</summary>
    private sealed class LeaderElsewhere : IActionLeader
    {
        public List<string> Asked { get; } = [];

        public bool RunsHere => false;

        /// <summary>What the leader does after answering a start (its board reaching the follower), if anything.</summary>
        public Action<string>? Started { get; set; }

        public RunStartResult Start(Actor actor, string actionId, IReadOnlyDictionary<string, string>? runTimeParameters, string? previewId)
        {
            Asked.Add($"start {actionId} {previewId} {actor.Name}");
            Started?.Invoke("leader-run");
            return new RunStartResult("leader-run", null);
        }

        public RunStartResult Stop(Actor actor, string runId)
        {
            Asked.Add($"stop {runId}");
            return new RunStartResult(runId, null);
        }

        public IReadOnlyList<ActionRunSnapshot> StopAll(Actor actor)
        {
            Asked.Add($"stop-all {actor.Name}");
            return [];
        }

        public Task<ActionPreviewResult> PreviewAsync(Actor actor, string actionId, IReadOnlyDictionary<string, string>? runTimeParameters, CancellationToken cancellationToken)
        {
            Asked.Add($"preview {actionId}");
            return Task.FromResult(new ActionPreviewResult("p1", actionId, UiMessage.Verbatim("summary"), null, true, null, null));
        }
    }
}
