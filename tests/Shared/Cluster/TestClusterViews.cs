using DemoConsole.Core.Cluster;
using DemoConsole.Core.Live;

namespace DemoConsole.Tests.Shared;

/// <summary>
/// <see cref="IClusterViews"/> for component tests: the test publishes snapshots and waits for the component to
/// show them. Subscribers get the current snapshot first, then newer ones, as with the real service.
/// </summary>
public sealed class TestClusterViews : IClusterViews
{
    private readonly SnapshotBroadcaster<ClusterViewsSnapshot> _broadcaster;
    private int _starts;

    public TestClusterViews(ClusterViewsSnapshot? initial = null) =>
        _broadcaster = new SnapshotBroadcaster<ClusterViewsSnapshot>(initial ?? Empty());

    public ClusterViewsSnapshot Current => _broadcaster.Current;

    /// <summary>How many times <see cref="Start"/> was called.</summary>
    public int Starts => Volatile.Read(ref _starts);

    public void Start() => Interlocked.Increment(ref _starts);

    /// <summary>How many readers are subscribed now (a component that disposed its reader leaves none behind).</summary>
    public int Subscribers => _broadcaster.SubscriberCount;

    public IAsyncEnumerable<ClusterViewsSnapshot> WatchAsync(CancellationToken cancellationToken = default) => _broadcaster.SubscribeAsync(cancellationToken);

    /// <summary>Publishes a change of the current snapshot, with its version bumped.</summary>
    public ClusterViewsSnapshot Publish(Func<ClusterViewsSnapshot, ClusterViewsSnapshot> change)
    {
        var next = change(Current) with { Version = Current.Version + 1 };
        _broadcaster.Publish(next);
        return next;
    }

    /// <summary>An empty, connected and synced snapshot of the runbook's namespaces.</summary>
    public static ClusterViewsSnapshot Empty() =>
        ClusterViewsSnapshot.Empty(ClusterViewsOptions.DefaultNamespaces, "titanium-prod", DateTimeOffset.UnixEpoch) with
        {
            Connection = new ConnectionStatus(ConnectionState.Connected, null, DateTimeOffset.UnixEpoch),
            Synced = true,
        };
}
