using DemoConsole.Sandbox.Store;
using DemoConsole.Sandbox.Tests.Support;
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
        var stillTerminatingAfterHalfASecond = false;
        StoredObject? ready = null;
        // Simulated time moves in small steps; between steps the sandbox reacts on its own threads, so each step
        // also waits (without sleeping) until the next store change or a short real-time bound.
        while (ready is null && clock.GetUtcNow() - deletedAt < TimeSpan.FromSeconds(60))
        {
            using var change = store.Watch(null, null, store.ResourceVersion);
            clock.Advance(TimeSpan.FromMilliseconds(250));
            await change.Events.WaitToReadAsync().AsTask().WaitAsync(TimeSpan.FromMilliseconds(20)).ContinueWith(_ => { }, TaskScheduler.Default);
            if (clock.GetUtcNow() - deletedAt == TimeSpan.FromMilliseconds(500))
            {
                stillTerminatingAfterHalfASecond = store.Get(ResourceTypes.Pods, Ns, victim.Name)?.IsTerminating == true;
            }

            ready = StoreWait.Pods(store, Ns, "blog-service").FirstOrDefault(p => !original.Contains(p.Name) && StoreWait.IsReady(p));
        }

        Assert.True(stillTerminatingAfterHalfASecond);
        Assert.NotNull(ready);
        var readyAt = Rfc3339.Parse(ready.Node["status"]!["conditions"]!.AsArray().First(c => (string?)c!["type"] == "Ready")!["lastTransitionTime"]);
        var elapsed = readyAt!.Value - deletedAt;
        Assert.InRange(elapsed, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));
    }
}
