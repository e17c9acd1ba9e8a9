using DemoConsole.Core.Load;
using DemoConsole.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace DemoConsole.Core.Tests.Load;

public sealed class LoadEngineCancellationTests : LoadTargetTestBase
{
    [Fact]
    public async Task Stop_RequestsStalledInFlight_AbortsThemAndCompletes()
    {
        var plan = LoadPlan.Burst(Target.BaseAddress, "/stall", rate: 1000, count: 3) with { Timeout = TimeSpan.FromMinutes(5) };
        var run = Started(SystemEngine().Start(plan));
        await AsyncWait.UntilAsync(() => Target.StalledCount == 3, "the target holds three requests");

        run.Stop();
        var result = await run.FinishedAsync();

        Assert.Equal(LoadRunState.Stopped, result.Snapshot.State);
        Assert.Equal(3, result.Snapshot.Aborted);
        Assert.Equal(0, result.Snapshot.Errors);
        Assert.Equal(0, result.Snapshot.InFlight);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Stop_SteadyTraffic_EndsWithEveryRequestAccountedFor()
    {
        var time = new FakeTimeProvider();
        var run = Started(FakeEngine(time).Start(
            LoadPlan.Steady(Target.BaseAddress, "/blog/", TimeSpan.FromSeconds(10)) with { Timeout = TimeSpan.FromMinutes(5) }));
        await run.StepThroughScheduleAsync(time, TimeSpan.FromSeconds(10), 4);
        var running = await run.UntilAsync(s => s.Completed == 4, "four requests completed");

        run.Stop();
        var result = await run.FinishedAsync();

        Assert.Equal(LoadRunState.Running, running.State);
        Assert.Equal(0, running.Progress);
        Assert.Equal(LoadRunState.Stopped, result.Snapshot.State);
        Assert.Equal(4, result.Snapshot.Sent);
        Assert.Equal(4, result.Snapshot.StatusCounts[200]);
        Assert.Equal(["Request 1", "Request 2", "Request 3", "Request 4"], result.Snapshot.Requests.Select(r => r.ToString().Split(':')[0]).Order());
        Assert.Equal(4, Target.RequestCount);
    }

    [Fact]
    public async Task Start_CallerTokenCancelled_StopsTheRun()
    {
        using var cancellation = new CancellationTokenSource();
        var run = Started(SystemEngine().Start(LoadPlan.Steady(Target.BaseAddress, "/blog/", TimeSpan.FromMilliseconds(5)), cancellation.Token));
        await run.UntilAsync(s => s.Completed >= 3, "three requests completed");

        await cancellation.CancelAsync();
        var result = await run.FinishedAsync();

        Assert.Equal(LoadRunState.Stopped, result.Snapshot.State);
        Assert.Equal(result.Snapshot.Sent, result.Snapshot.Completed + result.Snapshot.Aborted);
        Assert.True(result.Snapshot.Completed >= 3);
    }

    [Fact]
    public async Task Stop_CalledTwiceAndDisposed_IsHarmless()
    {
        var run = Started(SystemEngine().Start(LoadPlan.Steady(Target.BaseAddress, "/blog/", TimeSpan.FromMilliseconds(5))));

        run.Stop();
        run.Stop();
        await run.DisposeAsync();
        run.Stop();

        Assert.Equal(LoadRunState.Stopped, (await run.FinishedAsync()).Snapshot.State);
    }
}
