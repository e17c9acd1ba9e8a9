using DemoConsole.Core.Load;
using DemoConsole.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace DemoConsole.Core.Tests.Load;

/// <summary>Coordinated omission on a fake clock: time spent waiting for a connection counts from the intended start.</summary>
public sealed class LoadEngineLatencyTests : LoadTargetTestBase
{
    [Fact]
    public async Task Start_RequestWaitsForBusyConnection_CorrectedLatencyCountsTheWait()
    {
        var time = new FakeTimeProvider();
        var plan = LoadPlan.Burst(Target.BaseAddress, "/stall", rate: 1, count: 2) with { Connections = 1, Timeout = TimeSpan.FromMinutes(5) };
        var run = Started(FakeEngine(time).Start(plan));
        var loadRun = (LoadRun)run;
        await AsyncWait.UntilAsync(() => Target.StalledCount == 1 && loadRun.SchedulerParkedBefore == 2, "request 1 is held and request 2 is next");

        time.Advance(TimeSpan.FromSeconds(1));   // t = 1 s: request 2 is due but the only connection is busy
        await run.UntilAsync(s => s.Sent == 2, "request 2 was started");
        time.Advance(TimeSpan.FromSeconds(2));   // t = 3 s
        Target.ReleaseStalled();                 // request 1 answers after 3 s; request 2 gets the connection
        await run.UntilAsync(s => s.Completed == 1, "request 1 completed");
        await AsyncWait.UntilAsync(() => Target.StalledCount == 1, "request 2 is held");
        Target.ReleaseStalled();                 // request 2 answers at once, 2 s after it was due
        var s = (await run.FinishedAsync()).Snapshot;

        Assert.Equal(2, s.StatusCounts[200]);
        AssertNear(TimeSpan.FromSeconds(2), s.Latency.P50);       // request 2, from its intended start at t = 1 s
        AssertNear(TimeSpan.FromSeconds(3), s.Latency.Max);       // request 1
        AssertNear(TimeSpan.Zero, s.ServiceLatency.P50);          // request 2 from its actual send: no time passed
        AssertNear(TimeSpan.FromSeconds(3), s.ServiceLatency.Max);
        AssertNear(TimeSpan.FromSeconds(2), s.ScheduleLag.Max);   // request 2 was sent 2 s late
    }

    private static void AssertNear(TimeSpan expected, TimeSpan actual) =>
        // HdrHistogram keeps three significant digits.
        Assert.InRange(actual.TotalMilliseconds, (expected.TotalMilliseconds * 0.999) - 0.01, (expected.TotalMilliseconds * 1.001) + 0.01);
}
