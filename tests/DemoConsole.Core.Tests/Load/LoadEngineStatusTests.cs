using DemoConsole.Core.Load;
using Microsoft.Extensions.Time.Testing;

namespace DemoConsole.Core.Tests.Load;

public sealed class LoadEngineStatusTests : LoadTargetTestBase
{
    [Theory]
    [InlineData("/blog/", "GET", 100, 50, 200)]
    [InlineData("/nonexistent-endpoint", "GET", 20, 500, 404)]
    [InlineData("/blog/", "DELETE", 10, 500, 405)]
    [InlineData("/blog/", "GET", 10, 1000, 200)]
    public async Task Start_SeedSequence_ReportsEveryRequestAsALine(string path, string method, int count, int intervalMs, int status)
    {
        var time = new FakeTimeProvider();
        var interval = TimeSpan.FromMilliseconds(intervalMs);
        var plan = LoadPlan.Sequence(Target.BaseAddress, path, count, interval, method) with { Timeout = TimeSpan.FromMinutes(5) };
        var run = Started(FakeEngine(time).Start(plan));

        await run.StepThroughScheduleAsync(time, interval, count);
        var result = await run.FinishedAsync();

        var snapshot = result.Snapshot;
        Assert.Equal(LoadRunState.Completed, snapshot.State);
        Assert.Equal(count, snapshot.Sent);
        Assert.Equal(count, snapshot.StatusCounts[status]);
        Assert.Equal(count, snapshot.Requests.Count);
        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), snapshot.Requests.Select(r => r.Index).Order());
        Assert.All(snapshot.Requests, line => Assert.StartsWith($"Request {line.Index}: HTTP {status}, ", line.ToString(), StringComparison.Ordinal));
        Assert.Equal(count, Target.RequestCount);
        Assert.Equal(1, snapshot.Progress);
    }

    [Fact]
    public async Task Start_SequenceBeforeClockAdvances_SendsOnlyTheFirstRequest()
    {
        var time = new FakeTimeProvider();
        var run = Started(FakeEngine(time).Start(LoadPlan.Sequence(Target.BaseAddress, "/blog/", 5, TimeSpan.FromSeconds(1))));

        var first = await run.UntilAsync(s => s.Completed == 1, "the first request completed");
        var parked = (LoadRun)run;
        await DemoConsole.Tests.Shared.AsyncWait.UntilAsync(() => parked.SchedulerParkedBefore == 2, "the scheduler sleeps until request 2");

        Assert.Equal(1, run.GetSnapshot().Sent);
        Assert.Equal(LoadRunState.Running, first.State);
        run.Stop();
        Assert.Equal(LoadRunState.Stopped, (await run.FinishedAsync()).Snapshot.State);
    }

    [Fact]
    public async Task Start_OpenBurst_CountsEveryStatus()
    {
        var run = Started(SystemEngine().Start(LoadPlan.Burst(Target.BaseAddress, "/blog/", rate: 500, count: 200)));

        var result = await run.FinishedAsync();

        var snapshot = result.Snapshot;
        Assert.Equal(LoadRunState.Completed, snapshot.State);
        Assert.Equal(200, snapshot.Sent);
        Assert.Equal(200, snapshot.Responses);
        Assert.Equal(200, snapshot.StatusCounts[200]);
        Assert.Equal(0, snapshot.Dropped);
        Assert.Equal(200, snapshot.Latency.Count);
        Assert.Equal(200, snapshot.ServiceLatency.Count);
        Assert.True(snapshot.Latency.P50 <= snapshot.Latency.P99 && snapshot.Latency.P99 <= snapshot.Latency.Max);
        Assert.Equal(200, snapshot.Timeline.Sum(s => s.Started));
        Assert.Equal(200, snapshot.Timeline.Sum(s => s.Completed));
        Assert.Empty(snapshot.Requests);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Start_ClosedModel_SendsExactCountWithoutRetries()
    {
        var plan = new LoadPlan { Target = Target.BaseAddress, Path = "/fail", Model = LoadModel.Closed, Connections = 4, Count = 120 };

        var result = await Started(SystemEngine().Start(plan)).FinishedAsync();

        Assert.Equal(120, result.Snapshot.StatusCounts[500]);
        Assert.Equal(120, result.Snapshot.Completed);
        Assert.Equal(120, Target.RequestCount);
    }

    [Fact]
    public async Task Start_ExpectationMet_Passes()
    {
        var plan = LoadPlan.Burst(Target.BaseAddress, "/blog/", 200, 10, "DELETE") with { Expectation = LoadExpectation.Status(405) };

        var result = await Started(SystemEngine().Start(plan)).FinishedAsync();

        Assert.NotNull(result.Expectation);
        Assert.True(result.Expectation.Passed);
        Assert.Equal(10, result.Expectation.Matching);
        Assert.Equal("≥ 95% of responses are 405: 100% (10/10) — pass", result.Expectation.ToString());
        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Start_ExpectationMissed_FailsTheRun()
    {
        var plan = LoadPlan.Burst(Target.BaseAddress, "/blog/", 200, 10) with { Expectation = LoadExpectation.Status(405) };

        var result = await Started(SystemEngine().Start(plan)).FinishedAsync();

        Assert.NotNull(result.Expectation);
        Assert.False(result.Expectation.Passed);
        Assert.Equal(0, result.Expectation.Matching);
        Assert.EndsWith("— fail", result.Expectation.ToString(), StringComparison.Ordinal);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Start_StatusClassExpectation_CountsWholeClass()
    {
        var plan = LoadPlan.Sequence(Target.BaseAddress, "/nonexistent-endpoint", 3, TimeSpan.FromMilliseconds(1))
            with { Expectation = LoadExpectation.StatusClass(4, 1.0) };

        var result = await Started(SystemEngine().Start(plan)).FinishedAsync();

        Assert.True(result.Expectation?.Passed, result.Expectation?.ToString());
        Assert.Equal("≥ 100% of responses are 4xx", plan.Expectation!.Description);
    }

    [Fact]
    public async Task Start_OpenForDuration_SendsRateTimesDuration()
    {
        var plan = new LoadPlan { Target = Target.BaseAddress, Path = "/blog/", Rate = 200, Duration = TimeSpan.FromMilliseconds(100) };

        var result = await Started(SystemEngine().Start(plan)).FinishedAsync();

        Assert.Equal(LoadRunState.Completed, result.Snapshot.State);
        Assert.Equal(20, result.Snapshot.Sent);
        Assert.Equal(20, result.Snapshot.StatusCounts[200]);
        Assert.Equal(20, Target.RequestCount);
    }

    [Fact]
    public async Task Start_ClosedForDuration_EndsWithEverySentRequestAnswered()
    {
        var plan = new LoadPlan { Target = Target.BaseAddress, Path = "/blog/", Model = LoadModel.Closed, Connections = 2, Duration = TimeSpan.FromMilliseconds(200) };

        var result = await Started(SystemEngine().Start(plan)).FinishedAsync();

        Assert.Equal(LoadRunState.Completed, result.Snapshot.State);
        Assert.True(result.Snapshot.Sent > 0);
        Assert.Equal(result.Snapshot.Sent, result.Snapshot.StatusCounts[200]);
        Assert.Equal(result.Snapshot.Sent, Target.RequestCount);
        Assert.Equal(1, result.Snapshot.Progress);
    }

    [Fact]
    public async Task Start_ClosedForDurationUnderARequestCap_StopsAtTheCapBeforeTheDuration()
    {
        // The console's buttons have a request cap; a closed run is paced only by the target, so the cap ends it.
        var engine = new HttpLoadEngine(Caps with { MaxRequests = 50 }, TimeProvider.System);
        var plan = new LoadPlan { Target = Target.BaseAddress, Path = "/blog/", Model = LoadModel.Closed, Connections = 4, Duration = TimeSpan.FromMinutes(1) };

        var result = await Started(engine.Start(plan)).FinishedAsync();

        Assert.Equal(LoadRunState.Completed, result.Snapshot.State);
        Assert.Equal(50, result.Snapshot.Sent);
        Assert.Equal(50, Target.RequestCount);
        Assert.Equal(1, result.Snapshot.Progress);
    }
}
