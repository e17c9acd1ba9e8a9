using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Controllers;

/// <summary>
/// The controller manager: one loop that watches the store and, after any change to a workload or pod,
/// reconciles every controller. One loop means controllers never race each other; bursts are coalesced by
/// draining all queued events before a pass.
/// </summary>
internal sealed class ControllerLoop : IAsyncDisposable
{
    private readonly Cluster _cluster;
    private readonly Lock _passGate = new();
    private readonly DeploymentController _deployments;
    private readonly ReplicaSetController _replicaSets;
    private readonly StatefulSetController _statefulSets;
    private readonly EndpointSliceController _endpointSlices;
    private readonly GarbageCollector _garbage;
    private WatchSubscription? _subscription;
    private Task? _loop;
    private long _caughtUpTo;

    public ControllerLoop(Cluster cluster)
    {
        _cluster = cluster;
        _deployments = new DeploymentController(cluster);
        _replicaSets = new ReplicaSetController(cluster);
        _statefulSets = new StatefulSetController(cluster);
        _endpointSlices = new EndpointSliceController(cluster);
        _garbage = new GarbageCollector(cluster);
    }

    public void Start()
    {
        var from = _cluster.Store.ResourceVersion;
        _caughtUpTo = from;
        _subscription = _cluster.Store.Watch(null, null, from, capacity: 1_000_000);
        _loop = Task.Run(() => RunAsync(_subscription));
    }

    /// <summary>
    /// The store's resource version up to which every change has been reconciled: equal to the store's version when
    /// the controllers have nothing left to react to (tests on a fake clock wait for it before advancing).
    /// </summary>
    public long CaughtUpTo => Interlocked.Read(ref _caughtUpTo);

    /// <summary>One pass over every controller; returns whether anything was written.</summary>
    public bool ReconcileAll()
    {
        lock (_passGate)
        {
            var before = _cluster.Store.ResourceVersion;
            Each(ResourceTypes.Deployments, _deployments.Reconcile);
            Each(ResourceTypes.ReplicaSets, _replicaSets.Reconcile);
            Each(ResourceTypes.StatefulSets, _statefulSets.Reconcile);
            Each(ResourceTypes.Services, _endpointSlices.Reconcile);
            _garbage.Collect();
            return _cluster.Store.ResourceVersion != before;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        if (_loop is not null)
        {
            await _loop;
        }
    }

    private void Each(ResourceType type, Action<StoredObject> reconcile)
    {
        foreach (var o in _cluster.Store.List(type, null).Items)
        {
            try
            {
                reconcile(o);
            }
            catch (ApiException)
            {
                // Lost a race with a client (object deleted or changed under us); the next pass sees the new state.
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _cluster.RecordFault(e);
            }
        }
    }

    private async Task RunAsync(WatchSubscription subscription)
    {
        var reader = subscription.Events;
        try
        {
            while (await reader.WaitToReadAsync(_cluster.Stopping))
            {
                var relevant = false;
                var last = CaughtUpTo;
                while (reader.TryRead(out var e))
                {
                    relevant |= e.Object.Type != ResourceTypes.Events;
                    last = Math.Max(last, e.Object.ResourceVersion);
                }

                if (relevant)
                {
                    ReconcileAll();
                }

                Interlocked.Exchange(ref _caughtUpTo, last);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }
}
