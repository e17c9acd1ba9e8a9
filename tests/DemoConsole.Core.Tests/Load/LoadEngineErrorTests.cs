using DemoConsole.Core.Load;
using DemoConsole.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace DemoConsole.Core.Tests.Load;

public sealed class LoadEngineErrorTests : LoadTargetTestBase
{
    [Fact]
    public async Task Start_NothingListening_CountsConnectRefused()
    {
        var refused = KestrelLoadTarget.UnusedLoopbackAddress();
        var engine = new HttpLoadEngine(new LoadCaps { AllowedTargets = [refused] });

        var result = await Started(engine.Start(LoadPlan.Burst(refused, "/blog/", 100, 3))).FinishedAsync();

        Assert.Equal(3, result.Snapshot.ErrorCounts[LoadErrorClass.ConnectRefused]);
        Assert.Equal(0, result.Snapshot.Responses);
        Assert.Equal(3, result.Snapshot.Timeline.Sum(s => s.Errors));
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Start_ServerResetsConnection_CountsReset()
    {
        var result = await Started(SystemEngine().Start(LoadPlan.Burst(Target.BaseAddress, "/reset", 100, 3))).FinishedAsync();

        Assert.Equal(3, result.Snapshot.ErrorCounts[LoadErrorClass.Reset]);
        Assert.Equal(3, result.Snapshot.Errors);
    }

    [Fact]
    public async Task Start_TargetStallsPastTimeout_CountsTimeout()
    {
        var time = new FakeTimeProvider();
        var plan = LoadPlan.Sequence(Target.BaseAddress, "/stall", 1, TimeSpan.FromSeconds(1)) with { Timeout = TimeSpan.FromSeconds(2) };
        var run = Started(FakeEngine(time).Start(plan));
        await AsyncWait.UntilAsync(() => Target.StalledCount == 1, "the target holds the request");

        time.Advance(TimeSpan.FromSeconds(2));
        var result = await run.FinishedAsync();

        Assert.Equal(LoadRunState.Completed, result.Snapshot.State);
        Assert.Equal(1, result.Snapshot.ErrorCounts[LoadErrorClass.Timeout]);
        Assert.Equal("Request 1: timeout, 2000 ms", result.Snapshot.Requests.Single().ToString());
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Start_InFlightLimitReached_DropsInsteadOfQueueing()
    {
        var plan = LoadPlan.Burst(Target.BaseAddress, "/stall", rate: 1000, count: 20) with { MaxInFlight = 5, Timeout = TimeSpan.FromMinutes(5) };
        var run = Started(SystemEngine().Start(plan));

        var scheduled = await run.UntilAsync(s => s.Sent + s.Dropped == 20, "every start was made or dropped");
        run.Stop();
        var result = await run.FinishedAsync();

        Assert.Equal(5, scheduled.Sent);
        Assert.Equal(15, scheduled.Dropped);
        Assert.Equal(15, scheduled.Timeline.Sum(s => s.Dropped));
        Assert.Equal(LoadRunState.Stopped, result.Snapshot.State);
        Assert.Equal(5, result.Snapshot.Aborted);
        Assert.Equal(0, result.Snapshot.Completed);
    }

    [Fact]
    public async Task Start_ServerError_IsAResponseNotAnError()
    {
        var result = await Started(SystemEngine().Start(LoadPlan.Burst(Target.BaseAddress, "/fail", 100, 4))).FinishedAsync();

        Assert.Equal(4, result.Snapshot.StatusCounts[500]);
        Assert.Equal(0, result.Snapshot.Errors);
        Assert.Empty(result.Snapshot.ErrorCounts);
    }

    // The closed model's GETs go over the engine's own HTTP/1.1 connections, not the handler: the same errors must
    // come out in the same classes.
    [Fact]
    public async Task Start_ClosedModelNothingListening_CountsConnectRefused()
    {
        var refused = KestrelLoadTarget.UnusedLoopbackAddress();
        var engine = new HttpLoadEngine(new LoadCaps { AllowedTargets = [refused] });

        var result = await Started(engine.Start(Closed(refused, "/blog/", connections: 1, count: 3))).FinishedAsync();

        Assert.Equal(3, result.Snapshot.ErrorCounts[LoadErrorClass.ConnectRefused]);
        Assert.Equal(0, result.Snapshot.Responses);
    }

    [Fact]
    public async Task Start_ClosedModelServerResetsConnection_CountsReset()
    {
        var result = await Started(SystemEngine().Start(Closed(Target.BaseAddress, "/reset", connections: 2, count: 4))).FinishedAsync();

        Assert.Equal(4, result.Snapshot.ErrorCounts[LoadErrorClass.Reset]);
        Assert.Equal(4, Target.RequestCount);
    }

    [Fact]
    public async Task Start_ClosedModelTargetStallsPastTimeout_CountsTimeout()
    {
        var time = new FakeTimeProvider();
        var plan = Closed(Target.BaseAddress, "/stall", connections: 1, count: 1) with { Timeout = TimeSpan.FromSeconds(2) };
        var run = Started(FakeEngine(time).Start(plan));
        await AsyncWait.UntilAsync(() => Target.StalledCount == 1, "the target holds the request");

        time.Advance(TimeSpan.FromSeconds(2));
        var result = await run.FinishedAsync();

        Assert.Equal(1, result.Snapshot.ErrorCounts[LoadErrorClass.Timeout]);
        Assert.Equal(0, result.Snapshot.Responses);
    }

    [Fact]
    public async Task Start_ClosedModelMixedAnswers_CountsEachStatusAsTheHandlerDoes()
    {
        var closed = await Started(SystemEngine().Start(Closed(Target.BaseAddress, "/nonexistent-endpoint", connections: 3, count: 30))).FinishedAsync();
        var open = await Started(SystemEngine().Start(LoadPlan.Burst(Target.BaseAddress, "/nonexistent-endpoint", 500, 30))).FinishedAsync();

        Assert.Equal(30, closed.Snapshot.StatusCounts[404]);
        Assert.Equal(open.Snapshot.StatusCounts, closed.Snapshot.StatusCounts);
        Assert.Equal(60, Target.RequestCount);
    }

    private static LoadPlan Closed(Uri target, string path, int connections, int count) =>
        new() { Target = target, Path = path, Model = LoadModel.Closed, Connections = connections, Count = count };
}
