using DemoConsole.Core.Load;
using DemoConsole.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace DemoConsole.Core.Tests.Load;

public sealed class LoadRunWatchTests : LoadTargetTestBase
{
    [Fact]
    public async Task WatchAsync_RunCompletes_EndsWithTheFinalSnapshot()
    {
        var run = Started(SystemEngine().Start(LoadPlan.Burst(Target.BaseAddress, "/blog/", 500, 100)));
        var seen = new List<LoadSnapshot>();

        await foreach (var snapshot in run.WatchAsync().WithCancellation(new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token))
        {
            seen.Add(snapshot);
        }

        var final = (await run.FinishedAsync()).Snapshot;
        Assert.Equal(LoadRunState.Completed, seen[^1].State);
        Assert.Equal(final.Version, seen[^1].Version);
        Assert.Equal(100, seen[^1].Completed);
        Assert.True(seen.Zip(seen.Skip(1)).All(pair => pair.First.Version < pair.Second.Version), "versions increase");
        Assert.Equal(0, ((LoadRun)run).WatcherCount);
    }

    [Fact]
    public async Task WatchAsync_ReaderLeavesEarly_RemovesItsSubscription()
    {
        var run = Started(SystemEngine().Start(LoadPlan.Steady(Target.BaseAddress, "/blog/", TimeSpan.FromMilliseconds(5))));

        await foreach (var snapshot in run.WatchAsync())
        {
            Assert.Equal(1, ((LoadRun)run).WatcherCount);
            break;
        }

        Assert.Equal(0, ((LoadRun)run).WatcherCount);
        await run.DisposeAsync();
    }

    [Fact]
    public async Task WatchAsync_ReaderNeverReadsOn_DoesNotHoldUpTheRun()
    {
        var run = Started(SystemEngine().Start(LoadPlan.Burst(Target.BaseAddress, "/blog/", 1000, 300)));
        var reader = run.WatchAsync().GetAsyncEnumerator();
        Assert.True(await reader.MoveNextAsync());

        var result = await run.FinishedAsync();
        await reader.DisposeAsync();

        Assert.Equal(300, result.Snapshot.Completed);
        Assert.Equal(0, ((LoadRun)run).WatcherCount);
    }

    [Fact]
    public async Task GetSnapshot_TakenEarly_IsNotChangedByLaterRequests()
    {
        var time = new FakeTimeProvider();
        var plan = LoadPlan.Sequence(Target.BaseAddress, "/blog/", 3, TimeSpan.FromSeconds(1)) with { Timeout = TimeSpan.FromMinutes(5) };
        var run = Started(FakeEngine(time).Start(plan));
        var early = await run.UntilAsync(s => s.Completed == 1, "the first request completed");

        await run.StepThroughScheduleAsync(time, TimeSpan.FromSeconds(1), 3);
        var final = (await run.FinishedAsync()).Snapshot;

        Assert.Equal(LoadRunState.Running, early.State);
        Assert.Equal(1, early.StatusCounts[200]);
        Assert.Single(early.Requests);
        Assert.Equal(3, final.StatusCounts[200]);
        Assert.Equal(3, final.Requests.Count);
        Assert.True(final.Version > early.Version);
    }

    [Fact]
    public async Task WatchAsync_CallerCancels_EndsAndUnsubscribes()
    {
        var run = Started(SystemEngine().Start(LoadPlan.Steady(Target.BaseAddress, "/blog/", TimeSpan.FromMilliseconds(5))));
        using var cancellation = new CancellationTokenSource();

        var reading = Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var snapshot in run.WatchAsync(cancellationToken: cancellation.Token))
            {
                if (snapshot.Completed >= 2)
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        await reading.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(0, ((LoadRun)run).WatcherCount);
        await run.DisposeAsync();
    }

    [Fact]
    public async Task WatchAsync_ReaderJoinsAfterTheEnd_GetsTheFinalSnapshotOnly()
    {
        var run = Started(SystemEngine().Start(LoadPlan.Burst(Target.BaseAddress, "/blog/", 500, 20)));
        var final = (await run.FinishedAsync()).Snapshot;
        var seen = new List<LoadSnapshot>();

        await foreach (var snapshot in run.WatchAsync().WithCancellation(new CancellationTokenSource(AsyncWait.DefaultTimeout).Token))
        {
            seen.Add(snapshot);
        }

        var only = Assert.Single(seen);
        Assert.Equal((final.Version, LoadRunState.Completed, 20L), (only.Version, only.State, only.Completed));
        Assert.Equal(0, ((LoadRun)run).WatcherCount);
    }
}
