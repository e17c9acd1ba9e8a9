using DemoConsole.Core.Load;
using DemoConsole.Core.Load.Worker;

namespace DemoConsole.Core.Tests.Load.Worker;

/// <summary>A snapshot crosses the worker's pipe whole: every figure the console's screens and report read.</summary>
public sealed class LoadWorkerProtocolTests : LoadTargetTestBase
{
    [Fact]
    public async Task Message_RealSnapshotWithErrorsLinesAndExpectation_ReadsBackWhole()
    {
        // A sequence keeps request lines; /fail answers 500 and /reset gives connection errors.
        var plan = LoadPlan.Sequence(Target.BaseAddress, "/fail", 5, TimeSpan.FromMilliseconds(1)) with { Expectation = LoadExpectation.Status(200) };
        var run = Started(SystemEngine().Start(plan));
        var snapshot = (await run.Completion).Snapshot;
        var reset = (await Started(SystemEngine().Start(LoadPlan.Burst(Target.BaseAddress, "/reset", 100, 3))).Completion).Snapshot;
        var combined = snapshot with { ErrorCounts = reset.ErrorCounts, Errors = reset.Errors, Failure = "a failure's text" };

        var line = LoadWorkerProtocol.Write(new LoadWorkerMessage(combined));
        var read = LoadWorkerProtocol.ReadMessage(line)!.Snapshot!;

        Assert.Equal(line, LoadWorkerProtocol.Write(new LoadWorkerMessage(read)));
        Assert.Equal(5, read.StatusCounts[500]);
        Assert.Equal(reset.ErrorCounts, read.ErrorCounts);
        Assert.Equal(5, read.Requests.Count);
        Assert.Equal(snapshot.Timeline, read.Timeline);
        Assert.Equal(snapshot.Latency, read.Latency);
        Assert.False(read.Expectation!.Passed);
        Assert.Equal(plan.Expectation, read.Expectation.Expectation);
        Assert.Equal("a failure's text", read.Failure);
    }

    [Fact]
    public void Request_PlanAndCaps_ReadBackWhole()
    {
        var plan = new LoadPlan
        {
            Target = Target.BaseAddress,
            Path = "/blog/?q=1",
            Model = LoadModel.Closed,
            Connections = 50,
            Duration = TimeSpan.FromSeconds(5),
            Timeout = TimeSpan.FromSeconds(3),
            Expectation = LoadExpectation.StatusClass(2, 0.99),
        };

        var read = LoadWorkerProtocol.ReadRequest(LoadWorkerProtocol.Write(new LoadWorkerRequest(plan, Caps)))!;

        Assert.Equal(plan, read.Plan);
        Assert.Equal(Caps.AllowedTargets, read.Caps.AllowedTargets);
        Assert.Equal(Caps with { AllowedTargets = read.Caps.AllowedTargets }, read.Caps);
    }
}
