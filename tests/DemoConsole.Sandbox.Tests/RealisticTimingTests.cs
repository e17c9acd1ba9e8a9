using DemoConsole.Sandbox.Store;
using DemoConsole.Sandbox.Tests.Support;
using DemoConsole.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace DemoConsole.Sandbox.Tests;

/// <summary>At time scale 1 the sandbox keeps a cluster's pace: a killed pod's replacement is Ready within ~5–30 s.</summary>
public sealed class RealisticTimingTests
{
    private const string Ns = "titanium-prod";

    [Fact]
    public async Task DeletePod_TimeScaleOne_ReplacementReadyBetween5And30SimulatedSeconds()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 11, 3, 9, 0, 0, TimeSpan.Zero));
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { ApiPort = 0, GatewayPort = 0, PrometheusPort = 0, TimeScale = 1, TimeProvider = clock });
        var store = sandbox.Cluster.Store;
        var original = StoreWait.Pods(store, Ns, "blog-service").Select(p => p.Name).ToHashSet();
        var victim = StoreWait.Pods(store, Ns, "blog-service")[0];
        var deletedAt = clock.GetUtcNow();

        sandbox.Cluster.Pods.Delete(Ns, victim.Name, null, dryRun: false);
        var halfASecond = deletedAt + TimeSpan.FromMilliseconds(500);
        bool? stillTerminatingAfterHalfASecond = null;
        StoredObject? ready = null;
        // A discrete-event run: once the sandbox has done everything it can at this instant, the clock jumps to the
        // next timed transition (or to the half-second check). No step size is guessed and no real time is waited.
        while (ready is null)
        {
            await DiscreteEvents.CaughtUpAsync(sandbox);
            if (stillTerminatingAfterHalfASecond is null && clock.GetUtcNow() >= halfASecond)
            {
                stillTerminatingAfterHalfASecond = store.Get(ResourceTypes.Pods, Ns, victim.Name)?.IsTerminating == true;
            }

            ready = StoreWait.Pods(store, Ns, "blog-service").FirstOrDefault(p => !original.Contains(p.Name) && StoreWait.IsReady(p));
            if (ready is null)
            {
                var next = sandbox.Cluster.PendingTransitions.DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
                Assert.True(next != DateTimeOffset.MaxValue, "the replacement is not Ready and nothing is scheduled to happen");
                Assert.True(next - deletedAt < TimeSpan.FromMinutes(2), $"the next transition is due at {next - deletedAt} after the deletion");
                var target = stillTerminatingAfterHalfASecond is null && halfASecond < next ? halfASecond : next;
                clock.Advance(target - clock.GetUtcNow());
            }
        }

        Assert.True(stillTerminatingAfterHalfASecond);
        Assert.Empty(sandbox.Cluster.Faults);
        Assert.NotNull(ready);
        var readyAt = Rfc3339.Parse(ready.Node["status"]!["conditions"]!.AsArray().First(c => (string?)c!["type"] == "Ready")!["lastTransitionTime"]);
        var elapsed = readyAt!.Value - deletedAt;
        Assert.InRange(elapsed, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));
    }
}
