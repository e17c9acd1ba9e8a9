using DemoConsole.Core.Cluster;
using DemoConsole.Core.Live;

namespace DemoConsole.Tests.Shared;

/// <summary>Cluster views a test feeds by hand: push a snapshot, then wait for the screen to show it.</summary>
public sealed class TestClusterViews : IClusterViews
{
    private readonly SnapshotBroadcaster<ClusterViewsSnapshot> _snapshots =
        new(ClusterViewsSnapshot.Empty(ClusterViewsOptions.DefaultNamespaces, "titanium-prod", DateTimeOffset.UnixEpoch));

    public ClusterViewsSnapshot Current => _snapshots.Current;

    public IAsyncEnumerable<ClusterViewsSnapshot> WatchAsync(CancellationToken cancellationToken = default) =>
        _snapshots.SubscribeAsync(cancellationToken);

    public void Push(ClusterViewsSnapshot snapshot) => _snapshots.Publish(snapshot);
}
