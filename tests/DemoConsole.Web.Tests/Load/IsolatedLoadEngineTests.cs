using System.Diagnostics;
using DemoConsole.Core.Load;
using DemoConsole.Core.Load.Worker;
using DemoConsole.Tests.Shared;
using DemoConsole.Web.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace DemoConsole.Web.Tests.Load;

/// <summary>
/// Closed-model runs from a real load worker process (this build's <c>DemoConsole load-worker</c>), against a
/// Kestrel target on loopback: the console's run shows the worker's figures under its own id, stops when asked,
/// fails visibly when the worker dies, and falls back to its own process when no worker can start.
/// </summary>
public sealed class IsolatedLoadEngineTests : IAsyncLifetime
{
    private KestrelLoadTarget _target = null!;

    private LoadCaps Caps => new() { AllowedTargets = [_target.BaseAddress], MaxRequests = 100_000 };

    public async Task InitializeAsync() => _target = await KestrelLoadTarget.StartAsync();

    public async Task DisposeAsync() => await _target.DisposeAsync();

    [Fact]
    public async Task Start_ClosedPlan_RunsInAWorkerAndReportsItsFigures()
    {
        var started = 0;
        var engine = Engine(() =>
        {
            started++;
            return LoadWorkerStartInfo.Create();
        });

        var run = Started(engine.Start(Closed(count: 2_000)));
        var watched = new List<LoadSnapshot>();
        await foreach (var snapshot in run.WatchAsync(TimeSpan.Zero))
        {
            watched.Add(snapshot);
        }

        var result = await run.Completion;
        Assert.Equal(1, started);
        Assert.Equal(LoadRunState.Completed, result.Snapshot.State);
        Assert.Equal(2_000, result.Snapshot.StatusCounts[200]);
        Assert.Equal(2_000, _target.RequestCount);
        Assert.True(result.Succeeded);
        Assert.All(watched, s => Assert.Equal(run.Id, s.RunId));
        Assert.Equal(result.Snapshot, watched[^1]);
        await run.DisposeAsync();
    }

    [Fact]
    public async Task Stop_EndsTheWorkersRunWithItsFigures()
    {
        var run = Started(Engine(LoadWorkerStartInfo.Create).Start(Closed(duration: TimeSpan.FromMinutes(4))));
        await AsyncWait.UntilAsync(() => _target.RequestCount > 100, "the worker to send");

        run.Stop();
        var result = await run.Completion;

        Assert.Equal(LoadRunState.Stopped, result.Snapshot.State);
        // Counted before it is sent, so at least what the target had seen when the stop was asked for.
        Assert.True(result.Snapshot.Sent > 100);
        await run.DisposeAsync();
    }

    [Fact]
    public async Task Start_WorkerEndsWithoutFinalFigures_RunFailsAndSaysSo()
    {
        var run = Started(Engine(() => new ProcessStartInfo("/bin/sh", ["-c", "read request; exit 3"])).Start(Closed(count: 10)));

        var result = await run.Completion;

        Assert.Equal(LoadRunState.Failed, result.Snapshot.State);
        Assert.Contains("exit code 3", result.Snapshot.Failure, StringComparison.Ordinal);
        Assert.False(result.Succeeded);
        await run.DisposeAsync();
    }

    [Fact]
    public async Task Start_NoWorkerCanStart_SendsFromThisProcess()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-worker-" + Guid.NewGuid().ToString("N"));
        var run = Started(Engine(() => new ProcessStartInfo(missing)).Start(Closed(count: 200)));

        var result = await run.Completion;

        Assert.Equal(LoadRunState.Completed, result.Snapshot.State);
        Assert.Equal(200, result.Snapshot.StatusCounts[200]);
        await run.DisposeAsync();
    }

    [Fact]
    public async Task Start_OpenModelOrRefusedPlan_StartsNoWorker()
    {
        var started = 0;
        var engine = Engine(() =>
        {
            started++;
            return LoadWorkerStartInfo.Create();
        });

        var open = Started(engine.Start(LoadPlan.Burst(_target.BaseAddress, "/blog/", rate: 100, count: 5)));
        await open.Completion;
        var refused = engine.Start(Closed(count: 10) with { Target = KestrelLoadTarget.UnusedLoopbackAddress() });

        Assert.False(refused.Started);
        Assert.NotEmpty(refused.Problems);
        Assert.Equal(0, started);
        await open.DisposeAsync();
    }

    [Fact]
    public void WorkerStartInfo_KeepsTheConsolesSettingsOut()
    {
        Environment.SetEnvironmentVariable("DemoConsole__Auth__PresenterKey", "worker-must-not-see-this");
        try
        {
            var info = LoadWorkerStartInfo.Create();

            Assert.NotNull(info);
            Assert.Equal(LoadWorkerCommandName, info.ArgumentList[^1]);
            Assert.DoesNotContain(info.Environment.Keys, name => name.StartsWith("DemoConsole", StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            Environment.SetEnvironmentVariable("DemoConsole__Auth__PresenterKey", null);
        }
    }

    private const string LoadWorkerCommandName = "load-worker";

    private IsolatedLoadEngine Engine(Func<ProcessStartInfo?> worker) =>
        new(new HttpLoadEngine(Caps), worker, TimeProvider.System, NullLogger<IsolatedLoadEngine>.Instance);

    private LoadPlan Closed(int? count = null, TimeSpan? duration = null) => new()
    {
        Target = _target.BaseAddress,
        Path = "/blog/",
        Model = LoadModel.Closed,
        Connections = 4,
        Count = count,
        Duration = duration,
    };

    private static ILoadRun Started(LoadStartResult start)
    {
        Assert.True(start.Started, start.Message);
        return start.Run;
    }
}
