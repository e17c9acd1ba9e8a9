using DemoConsole.Core.Actions.Load;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Load;
using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Security;
using DemoConsole.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace DemoConsole.Core.Tests.Actions.Load;

/// <summary>Load actions through the real executor and engine against a real Kestrel target on loopback.</summary>
public sealed class LoadActionHandlerTests : IAsyncLifetime
{
    private static readonly Actor Alice = Actor.Presenter("alice");
    private KestrelLoadTarget _target = default!;
    private ActionExecutor _executor = default!;
    private FixedGateway _gateway = default!;

    public async Task InitializeAsync()
    {
        _target = await KestrelLoadTarget.StartAsync();
        _gateway = new FixedGateway(_target.BaseAddress);
        var engine = new HttpLoadEngine(new LoadCaps { MaxRate = 200, MaxRequests = 50, AllowedTargets = [_target.BaseAddress] }, TimeProvider.System);
        var scenario = TestScenarios.ThreeParts(
            Sequence("not-found", "GET", "/nonexistent-endpoint", 5, "404 >= 95%"),
            Sequence("wrong-method", "DELETE", "/blog/", 3, "405 >= 95%"),
            Sequence("expect-wrong", "GET", "/blog/", 3, "404 >= 95%"),
            Sequence("too-many", "GET", "/blog/", 500, null),
            new ActionDefinition("steady", LoadKinds.SteadyTraffic.Name, "Steady", 3, new Dictionary<string, string> { ["path"] = "/blog/", ["interval"] = "20ms" }, null, 1));
        _executor = new ActionExecutor(new TestScenarioSource(scenario), [.. new[] { LoadKinds.LoadBurst, LoadKinds.RequestSequence, LoadKinds.SteadyTraffic }.Select(k => new LoadActionHandler(k, engine, _gateway))], TimeProvider.System, NullLogger<ActionExecutor>.Instance);
    }

    public async Task DisposeAsync()
    {
        _executor.Dispose();
        await _target.DisposeAsync();
    }

    private static ActionDefinition Sequence(string id, string method, string path, int count, string? expect) =>
        new(id, LoadKinds.RequestSequence.Name, id, 3,
            new Dictionary<string, string> { ["method"] = method, ["path"] = path, ["count"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture), ["interval"] = "10ms" },
            expect, 1);

    private async Task<ActionRunSnapshot> RunToEndAsync(string actionId)
    {
        var started = _executor.Start(Alice, actionId);
        Assert.True(started.Started, started.Error);
        var board = await AsyncWait.ForAsync(_executor.WatchAsync, b => b.FindRun(started.RunId)?.IsRunning == false, $"{actionId} to end");
        return board.FindRun(started.RunId)!;
    }

    [Theory]
    [InlineData("not-found", 404, 5)]
    [InlineData("wrong-method", 405, 3)]
    public async Task Run_ErrorSequence_CountsStatusesAndPassesItsExpectation(string actionId, int status, int count)
    {
        var run = await RunToEndAsync(actionId);

        Assert.Equal(ActionRunStatus.Succeeded, run.Status);
        var snapshot = Assert.IsType<LoadSnapshot>(run.Result);
        Assert.Equal(count, snapshot.StatusCounts[status]);
        Assert.Equal(count, snapshot.Requests.Count);
        Assert.True(snapshot.Expectation!.Passed);
        Assert.Contains($"{count} × {status}", run.Message?.ToString());
        Assert.Equal(count, _target.RequestCount);
    }

    [Fact]
    public async Task Run_ExpectationNotMet_FailsWithTheFigures()
    {
        var run = await RunToEndAsync("expect-wrong");

        Assert.Equal(ActionRunStatus.Failed, run.Status);
        Assert.Contains("3 × 200", run.Message?.ToString());
        Assert.Contains("failed", run.Message?.ToString());
    }

    [Fact]
    public void Availability_BeyondTheCaps_IsRefusedBeforeAnyRequest()
    {
        var availability = _executor.List(Alice).Single(a => a.Id == "too-many");

        Assert.False(availability.CanRun);
        Assert.Contains("Refused by the load caps", availability.Reason);
        Assert.False(_executor.Start(Alice, "too-many").Started);
        Assert.Equal(0, _target.RequestCount);
    }

    [Fact]
    public void Availability_WithoutAGateway_SaysWhy()
    {
        _gateway.Gateway = null;

        var availability = _executor.List(Alice).Single(a => a.Id == "not-found");

        Assert.False(availability.CanRun);
        Assert.Contains("No gateway", availability.Reason);
    }

    [Fact]
    public async Task Stop_SteadyTraffic_EndsCancelledWithWhatWasSent()
    {
        var started = _executor.Start(Alice, "steady");
        await AsyncWait.ForAsync(_executor.WatchAsync, b => (b.FindRun(started.RunId!)?.Result as LoadSnapshot)?.Completed >= 3, "three steady requests");

        _executor.Stop(Alice, started.RunId!);

        var board = await AsyncWait.ForAsync(_executor.WatchAsync, b => b.FindRun(started.RunId!)?.IsRunning == false, "steady run to stop");
        var run = board.FindRun(started.RunId!)!;
        Assert.Equal(ActionRunStatus.Cancelled, run.Status);
        Assert.True(((LoadSnapshot)run.Result!).Completed >= 3);
    }

    private sealed class FixedGateway(Uri? gateway) : IGatewayAddress
    {
        public Uri? Gateway { get; set; } = gateway;
    }
}
