using System.Diagnostics;
using System.Globalization;
using DemoConsole.Sandbox;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Store;
using DemoConsole.Sandbox.Tests.Support;

namespace DemoConsole.Benchmarks.Sandbox;

/// <summary>
/// Kills a gateway pod and waits for its replacement to be Ready, many times over; the managed heap after a full
/// GC is compared between the start (after warm-up) and the end: it must stay flat. The warm-up fills the store's
/// bounded watch history (4,096 events, ~20 MiB of object versions), which is by design and then stops growing.
/// </summary>
internal static class KillReplaceMemory
{
    public static async Task RunAsync(int cycles)
    {
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { ApiPort = 0, GatewayPort = 0, PrometheusPort = 0, TimeScale = 0.0005 });
        const int warmUp = 300;
        long before = 0;
        var timer = Stopwatch.StartNew();
        var checkpoints = new List<string>();
        for (var i = 0; i < cycles + warmUp; i++)
        {
            if (i == warmUp)
            {
                before = Heap();
                timer.Restart();
            }
            else if (i > warmUp && (i - warmUp) % (cycles / 4) == 0)
            {
                checkpoints.Add(string.Create(CultureInfo.InvariantCulture, $"{i - warmUp}: {Heap() / 1024.0 / 1024:0.00} MiB"));
            }

            await CycleAsync(sandbox);
        }

        var elapsed = timer.Elapsed;
        var after = Heap();
        var events = sandbox.Cluster.Store.List(ResourceTypes.Events, null).Items.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kill/replace: {cycles} cycles in {elapsed.TotalSeconds:0.0} s ({elapsed.TotalMilliseconds / cycles:0.0} ms per cycle at time scale 0.0005)"));
        Console.WriteLine($"  heap at checkpoints: {string.Join(", ", checkpoints)}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  managed heap after full GC: {before / 1024.0 / 1024:0.00} MiB -> {after / 1024.0 / 1024:0.00} MiB ({(after - before) / 1024.0:+0;-0} KiB); events retained: {events}; working set {Environment.WorkingSet / 1024 / 1024} MiB"));
    }

    private static async Task CycleAsync(SandboxHost sandbox)
    {
        var store = sandbox.Cluster.Store;
        var victim = GatewayPods(store).First(PodStatus.IsReadyStored);
        sandbox.Cluster.Pods.Delete("titanium-prod", victim.Name, null, dryRun: false);
        await StoreWait.UntilAsync(sandbox, s => s.Get(ResourceTypes.Pods, "titanium-prod", victim.Name) is null
            && GatewayPods(s).Count(PodStatus.IsReadyStored) == 2 && GatewayPods(s).Count() == 2, "the killed gateway pod to be replaced by a Ready one");
    }

    private static IEnumerable<StoredObject> GatewayPods(ResourceStore store) =>
        store.List(ResourceTypes.Pods, "titanium-prod").Items.Where(p => (string?)p.Metadata["labels"]?["app"] == "api-gateway");

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
