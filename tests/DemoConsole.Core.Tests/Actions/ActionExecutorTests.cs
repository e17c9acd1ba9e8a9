using DemoConsole.Core.Actions;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Security;
using DemoConsole.Tests.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace DemoConsole.Core.Tests.Actions;

public sealed class ActionExecutorTests : IDisposable
{
    private static readonly Actor Alice = Actor.Presenter("alice");
    private readonly GatedActionHandler _handler = new();
    private readonly FakeLogger<ActionExecutor> _log = new();
    private readonly ActionExecutor _executor;

    public ActionExecutorTests()
    {
        var scenario = TestScenarios.ThreeParts(
            TestScenarios.Action("burst", "gated", part: 3),
            TestScenarios.Action("kill", "pod-kill", part: 3));
        _executor = new ActionExecutor(new TestScenarioSource(scenario), [_handler], TimeProvider.System, _log);
    }

    public void Dispose() => _executor.Dispose();

    [Fact]
    public void List_KindWithoutHandler_IsDisabledWithTheReason()
    {
        var kill = _executor.List(Alice).Single(a => a.Id == "kill");

        Assert.False(kill.CanRun);
        Assert.Contains("'pod-kill' is not available", kill.Reason);
        Assert.False(_executor.Start(Alice, "kill").Started);
        Assert.Equal(0, _handler.Runs);
    }

    [Fact]
    public void Start_AsViewer_IsRefusedAndAudited()
    {
        var result = _executor.Start(Actor.Viewer("audience"), "burst");

        Assert.False(result.Started);
        Assert.Contains("Only a presenter", result.Error);
        Assert.Equal(0, _handler.Runs);
        var entry = Assert.Single(_log.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("refused", entry.Message);
    }

    [Fact]
    public void Start_GuardRailRefuses_DoesNotRun()
    {
        _handler.Refusal = "Rate above the cap of 500 req/s.";

        var result = _executor.Start(Alice, "burst");

        Assert.Equal("Rate above the cap of 500 req/s.", result.Error);
        Assert.Equal(0, _handler.Runs);
    }

    [Fact]
    public async Task Start_RunsInBackground_DisablesButtonUntilDone_ThenOneAuditEvent()
    {
        var started = _executor.Start(Alice, "burst");
        Assert.True(started.Started);
        await AsyncWait.ForAsync(_executor.WatchAsync, b => b.FindRun(started.RunId)?.Result is not null, "progress report");

        Assert.False(_executor.List(Alice).Single(a => a.Id == "burst").CanRun);
        Assert.False(_executor.Start(Alice, "burst").Started);

        _handler.Finish(ActionOutcome.Succeeded(UiMessage.Verbatim("100 requests, all 200"), new GatedProgress("done", null)));
        var board = await AsyncWait.ForAsync(_executor.WatchAsync, b => b.FindRun(started.RunId)?.IsRunning == false, "run end");

        var run = board.FindRun(started.RunId)!;
        Assert.Equal(ActionRunStatus.Succeeded, run.Status);
        Assert.Equal("100 requests, all 200", run.Message?.ToString());
        Assert.NotNull(run.EndedAt);
        Assert.True(_executor.List(Alice).Single(a => a.Id == "burst").CanRun);
        var ended = _log.Collector.GetSnapshot().Where(e => e.Id.Id == 200).ToList();
        Assert.Single(ended);
        Assert.Contains("alice", ended[0].Message);
    }

    [Fact]
    public async Task Stop_RunningRun_EndsCancelled()
    {
        var started = _executor.Start(Alice, "burst");
        await AsyncWait.ForAsync(_executor.WatchAsync, b => b.FindRun(started.RunId!)?.Result is not null, "run start");

        Assert.True(_executor.Stop(Alice, started.RunId!).Started);

        var board = await AsyncWait.ForAsync(_executor.WatchAsync, b => b.FindRun(started.RunId!)?.IsRunning == false, "run end");
        Assert.Equal(ActionRunStatus.Cancelled, board.FindRun(started.RunId!)!.Status);
        Assert.False(_executor.Stop(Alice, started.RunId!).Started);
    }

    [Fact]
    public async Task StopAll_WithARunningRun_CancelsItAndReturnsIt()
    {
        var started = _executor.Start(Alice, "burst");
        await AsyncWait.ForAsync(_executor.WatchAsync, b => b.FindRun(started.RunId!)?.Result is not null, "run start");

        var viewer = _executor.StopAll(Actor.Viewer("v"));
        var stopped = _executor.StopAll(Alice);

        Assert.Empty(viewer);
        Assert.Equal(started.RunId, Assert.Single(stopped).RunId);
        var board = await AsyncWait.ForAsync(_executor.WatchAsync, b => b.FindRun(started.RunId!)?.IsRunning == false, "run end");
        Assert.Equal(ActionRunStatus.Cancelled, board.FindRun(started.RunId!)!.Status);
        Assert.Empty(_executor.StopAll(Alice));
    }

    [Fact]
    public void Start_Refused_IsNotedOnTheBoardForTheReport()
    {
        _executor.Start(Actor.Viewer("audience"), "burst");

        var refused = Assert.Single(_executor.Board.Refusals);
        Assert.Equal(("burst", "audience", "Only a presenter can run actions."), (refused.ActionId, refused.Actor, refused.Reason));
        Assert.Empty(_executor.Board.Runs);
    }

    [Fact]
    public void Stop_AsViewer_IsRefused()
    {
        var started = _executor.Start(Alice, "burst");

        Assert.False(_executor.Stop(Actor.Viewer("v"), started.RunId!).Started);
        Assert.True(_executor.FindRun(started.RunId!)!.IsRunning);
    }

    [Fact]
    public async Task Start_HandlerThrows_RunFailsWithAVisibleMessage()
    {
        _handler.Throw = new InvalidOperationException("gateway unreachable");

        var started = _executor.Start(Alice, "burst");

        var board = await AsyncWait.ForAsync(_executor.WatchAsync, b => b.FindRun(started.RunId!)?.IsRunning == false, "run end");
        var run = board.FindRun(started.RunId!)!;
        Assert.Equal(ActionRunStatus.Failed, run.Status);
        Assert.Contains("gateway unreachable", run.Message?.ToString());
    }

    [Fact]
    public void Start_UnknownAction_IsRefused()
    {
        var result = _executor.Start(Alice, "nope");

        Assert.Contains("no action 'nope'", result.Error);
    }

    [Fact]
    public void Start_RunTimeParameterTheKindDoesNotAllow_IsRefusedBeforeRunning()
    {
        var result = _executor.Start(Alice, "burst", new Dictionary<string, string> { ["path"] = "/admin" });

        Assert.False(result.Started);
        Assert.Contains("'path' cannot be set", result.Error);
        Assert.Equal(0, _handler.Runs);
    }

    [Fact]
    public void Start_AllowedRunTimeParameter_IsMergedOverTheScenarioValue()
    {
        var action = TestScenarios.Action("kill", "gated", 3, ("pod", "from-scenario"), ("namespace", "titanium-prod"));
        var handler = new GatedActionHandler { AllowedAtRunTime = new HashSet<string> { "pod" } };
        using var executor = new ActionExecutor(new TestScenarioSource(TestScenarios.ThreeParts(action)), [handler], TimeProvider.System, _log);

        Assert.True(executor.Start(Alice, "kill", new Dictionary<string, string> { ["pod"] = "blog-2" }).Started);

        var parameters = executor.Board.Runs.Single().Parameters;
        Assert.Equal("blog-2", parameters["pod"]);
        Assert.Equal("titanium-prod", parameters["namespace"]);
    }

    [Fact]
    public async Task Report_AfterTheRunEnded_LeavesTheEndedRunAsItWas()
    {
        var handler = new GatedActionHandler("late") { ReportAfterReturn = true };
        var scenario = TestScenarios.ThreeParts(TestScenarios.Action("late", "late", part: 3));
        using var executor = new ActionExecutor(new TestScenarioSource(scenario), [handler], TimeProvider.System, _log);
        var started = executor.Start(Alice, "late");

        handler.Finish(ActionOutcome.Succeeded(UiMessage.Verbatim("done"), new GatedProgress("final", null)));
        var ended = await AsyncWait.ForAsync(executor.WatchAsync, b => b.FindRun(started.RunId!)?.IsRunning == false, "run end");
        await AsyncWait.UntilAsync(() => handler.LateReported, "the late report");

        var run = executor.FindRun(started.RunId!)!;
        Assert.Equal(ActionRunStatus.Succeeded, run.Status);
        Assert.Equal("final", Assert.IsType<GatedProgress>(run.Result).Step);
        Assert.Equal(ended.Version, executor.Board.Version);
    }
}
