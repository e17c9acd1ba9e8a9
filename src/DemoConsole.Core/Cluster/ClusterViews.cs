using System.Threading.Channels;
using DemoConsole.Core.Live;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace DemoConsole.Core.Cluster;

/// <summary>
/// One informer per resource type and namespace; any change marks the views dirty and a single loop rebuilds
/// the snapshot, so a burst of watch events costs one rebuild per turn of the loop, not one per event.
/// </summary>
public sealed class ClusterViews : IClusterViews, IAsyncDisposable
{
    private readonly ClusterViewsOptions _options;
    private readonly IClusterConnection _connection;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly SnapshotBroadcaster<ClusterViewsSnapshot> _broadcaster;
    private readonly Channel<bool> _dirty = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private ClusterInformers? _informers;
    private Task? _loop;
    private bool _disposed;

    public ClusterViews(ClusterViewsOptions options, IClusterConnection connection, TimeProvider time, ILoggerFactory loggers)
    {
        _options = options;
        _connection = connection;
        _time = time;
        _loggers = loggers;
        _broadcaster = new SnapshotBroadcaster<ClusterViewsSnapshot>(ClusterViewsSnapshot.Empty(options.Namespaces, options.ApplicationNamespace, time.GetUtcNow()));
    }

    /// <summary>Reading never starts the watchers: a property read with side effects would hide when the cluster is first contacted.</summary>
    public ClusterViewsSnapshot Current => _broadcaster.Current;

    /// <summary>Whether the informers were started (for tests of when the cluster is first contacted).</summary>
    internal bool Started
    {
        get
        {
            lock (_gate)
            {
                return _informers is not null;
            }
        }
    }

    public IAsyncEnumerable<ClusterViewsSnapshot> WatchAsync(CancellationToken cancellationToken = default)
    {
        // The first subscriber starts the watchers (when no hosted service did at start-up).
        Start();
        return _broadcaster.SubscribeAsync(cancellationToken);
    }

    public void Start()
    {
        lock (_gate)
        {
            if (_informers is not null || _disposed)
            {
                return;
            }

            _informers = new ClusterInformers(_options, _connection, _time, _loggers.CreateLogger<ClusterViews>(), () => _dirty.Writer.TryWrite(true));
            _loop = Task.Run(() => RebuildLoopAsync(_informers, _stop.Token));
            _informers.StartAll();
        }
    }

    private async Task RebuildLoopAsync(ClusterInformers informers, CancellationToken stop)
    {
        try
        {
            while (await _dirty.Reader.WaitToReadAsync(stop))
            {
                _dirty.Reader.TryRead(out _);
                _broadcaster.Publish(Build(informers, _broadcaster.Current.Version + 1));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private ClusterViewsSnapshot Build(ClusterInformers i, long version)
    {
        var pods = i.Pods.SelectMany(x => x.Current.Items.Values).Select(PodViews.From).OrderBy(p => p.Namespace, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        var workloads = i.Deployments.SelectMany(x => x.Current.Items.Values).Select(WorkloadView.From)
            .Concat(i.StatefulSets.SelectMany(x => x.Current.Items.Values).Select(WorkloadView.From))
            .OrderBy(w => w.Namespace, StringComparer.Ordinal).ThenBy(w => w.Kind, StringComparer.Ordinal).ThenBy(w => w.Name, StringComparer.Ordinal).ToList();
        var (connection, synced) = i.CoreState();
        var peers = i.PeerAuthentications.SelectMany(x => x.Current.Items.Values).Select(PeerAuthenticationView.From).ToList();
        return new ClusterViewsSnapshot(
            connection,
            _options.Namespaces,
            pods,
            workloads,
            ReplicaCheck.Evaluate(workloads, _options.ApplicationNamespace),
            i.Autoscalers.SelectMany(x => x.Current.Items.Values).Select(AutoscalerView.From).ToList(),
            i.NetworkPolicies.SelectMany(x => x.Current.Items.Values).Select(NetworkPolicyView.From).ToList(),
            peers,
            NamespaceMtls.Evaluate(_options.Namespaces, peers, _options.MeshRootNamespace),
            i.Applications.SelectMany(x => x.Current.Items.Values).Select(ArgoApplicationView.From).ToList(),
            i.AlertRules.SelectMany(x => x.Current.Items.Values).SelectMany(AlertRuleView.From).ToList(),
            i.Problems(),
            version,
            _time.GetUtcNow())
        {
            Synced = synced,
            SidecarCheck = SidecarCheck.Evaluate(pods, _options.ApplicationNamespace),
            ApplicationNamespace = _options.ApplicationNamespace,
        };
    }

    public async ValueTask DisposeAsync()
    {
        ClusterInformers? informers;
        Task? loop;
        lock (_gate)
        {
            // A container may hold this instance under two service types and dispose it twice.
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _stop.Cancel();
            informers = _informers;
            loop = _loop;
        }

        if (informers is not null)
        {
            await informers.DisposeAsync();
        }

        if (loop is not null)
        {
            await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stop.Dispose();
    }
}
