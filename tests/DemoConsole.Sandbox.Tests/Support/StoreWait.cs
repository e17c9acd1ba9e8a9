using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Tests.Support;

/// <summary>Waits, without sleeping, until the sandbox's state satisfies a condition: re-checked on every store change.</summary>
internal static class StoreWait
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task UntilAsync(SandboxHost sandbox, Func<ResourceStore, bool> condition, string what, TimeSpan? timeout = null)
    {
        var store = sandbox.Cluster.Store;
        using var subscription = store.Watch(null, null, store.ResourceVersion, capacity: 1_000_000);
        using var cancel = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            while (!condition(store))
            {
                await subscription.Events.WaitToReadAsync(cancel.Token);
                while (subscription.Events.TryRead(out _))
                {
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Timed out waiting until {what}");
        }
    }

    public static IReadOnlyList<StoredObject> Pods(ResourceStore store, string ns, string app) =>
        store.List(ResourceTypes.Pods, ns).Items.Where(p => (string?)p.Metadata["labels"]?["app"] == app).ToList();

    public static bool IsReady(StoredObject pod) => Controllers.PodStatus.IsReady(pod.Node);
}
