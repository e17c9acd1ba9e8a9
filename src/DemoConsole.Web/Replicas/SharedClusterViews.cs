using DemoConsole.Core.Cluster;
using DemoConsole.Core.Messages;

namespace DemoConsole.Web.Replicas;

/// <summary>
/// The cluster views with replicas: only the leader runs the list+watch informers (a <see cref="ClusterViews"/> of its
/// own, made when it starts leading and disposed when it stops, so its watches close); every replica's screens follow
/// the leader's snapshots through Redis (<see cref="SharedSnapshotStream{T}"/>). The API server sees one set of
/// watches however many replicas there are.
/// </summary>
public sealed partial class SharedClusterViews : IClusterViews, IAsyncDisposable
{
    private readonly Func<ClusterViews> _newViews;
    private readonly ReplicaLeadership _leadership;
    private readonly ILogger<SharedClusterViews> _logger;
    private readonly SharedSnapshotStream<ClusterViewsSnapshot> _stream;
    private readonly SemaphoreSlim _roleGate = new(1, 1);
    private readonly Lock _startGate = new();
    private bool _started;
    private bool _disposed;
    private ClusterViews? _views;
    private CancellationTokenSource? _pumping;
    private Task _pump = Task.CompletedTask;

    /// <param name="newViews">A fresh <see cref="ClusterViews"/> for each time this replica starts leading (one cannot restart).</param>
    public SharedClusterViews(ClusterViewsOptions options, Func<ClusterViews> newViews, RedisReplicaConnection redis, ReplicaLeadership leadership,
        TimeProvider time, ILogger<SharedClusterViews> logger)
    {
        _newViews = newViews;
        _leadership = leadership;
        _logger = logger;
        _stream = new SharedSnapshotStream<ClusterViewsSnapshot>(redis, leadership, "views:cluster",
            ClusterViewsSnapshot.Empty(options.Namespaces, options.ApplicationNamespace, time.GetUtcNow()), MarkUnreachable, time, logger);
    }

    public ClusterViewsSnapshot Current => _stream.Current;

    /// <summary>Whether this replica runs the informers now (for tests).</summary>
    public bool Watching => Volatile.Read(ref _views) is not null;

    public IAsyncEnumerable<ClusterViewsSnapshot> WatchAsync(CancellationToken cancellationToken = default)
    {
        Start();
        return _stream.SubscribeAsync(cancellationToken);
    }

    public void Start()
    {
        lock (_startGate)
        {
            if (_started || _disposed)
            {
                return;
            }

            _started = true;
        }

        _stream.Start();
        _leadership.Changed += OnLeadershipChangedAsync;
        if (_leadership.IsLeader)
        {
            // Became leader before this started listening; a second call below is harmless.
            _ = OnLeadershipChangedAsync(true);
        }
    }

    /// <summary>
    /// The banner an unreachable cluster shows, with the shared state named as what is missing: reconnecting (the last
    /// views stay, marked) when something was shown, unavailable when nothing ever was.
    /// </summary>
    private static ClusterViewsSnapshot MarkUnreachable(ClusterViewsSnapshot shown, UiMessage problem, DateTimeOffset now) => shown with
    {
        Connection = new ConnectionStatus(shown.Synced ? ConnectionState.Reconnecting : ConnectionState.Unavailable, problem, now),
    };

    private async Task OnLeadershipChangedAsync(bool leads)
    {
        await _roleGate.WaitAsync();
        try
        {
            if (leads && _leadership.IsLeader && _views is null && !_disposed)
            {
                Lead();
            }
            else if (!leads && _views is not null)
            {
                await FollowAsync();
            }
        }
        finally
        {
            _roleGate.Release();
        }
    }

    private void Lead()
    {
        var views = _newViews();
        _pumping = new CancellationTokenSource();
        var token = _pumping.Token;
        Volatile.Write(ref _views, views);
        views.Start();
        LogWatching();
        _pump = Task.Run(async () =>
        {
            try
            {
                await foreach (var snapshot in views.WatchAsync(token))
                {
                    if (Worth(snapshot))
                    {
                        _stream.PublishAsLeader(snapshot);
                    }
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
            }
        }, CancellationToken.None);
    }

    /// <summary>
    /// A new leader's informers start empty; until they have listed (or failed to), the previous leader's last views
    /// stay on the screens rather than a half-read cluster.
    /// </summary>
    private bool Worth(ClusterViewsSnapshot snapshot) =>
        snapshot.Version > 0 && (snapshot.Synced || snapshot.Connection.State != ConnectionState.Connecting || !_stream.Current.Synced);

    private async Task FollowAsync()
    {
        var views = _views!;
        Volatile.Write(ref _views, null);
        await _pumping!.CancelAsync();
        await _pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _pumping.Dispose();
        _pumping = null;
        await views.DisposeAsync();
        LogStoppedWatching();
    }

    public async ValueTask DisposeAsync()
    {
        lock (_startGate)
        {
            // A container may hold this instance under two service types and dispose it twice.
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _leadership.Changed -= OnLeadershipChangedAsync;
        await _roleGate.WaitAsync();
        try
        {
            if (_views is not null)
            {
                await FollowAsync();
            }
        }
        finally
        {
            _roleGate.Release();
        }

        await _stream.DisposeAsync();
    }

    [LoggerMessage(EventId = 1482, Level = LogLevel.Information, Message = "Leading: this replica watches the cluster and shares its views through Redis")]
    private partial void LogWatching();

    [LoggerMessage(EventId = 1483, Level = LogLevel.Information, Message = "No longer leading: closed this replica's cluster watches; following the leader's views")]
    private partial void LogStoppedWatching();
}
