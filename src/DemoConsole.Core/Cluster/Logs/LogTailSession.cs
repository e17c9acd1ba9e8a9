using System.Text.RegularExpressions;
using System.Threading.Channels;
using DemoConsole.Core.Live;
using DemoConsole.Core.Messages;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace DemoConsole.Core.Cluster;

/// <summary>
/// One follow: an informer on the selected pods decides which pods are followed; each followed pod has its own
/// log stream feeding one bounded buffer; a single publish loop turns the buffer into snapshots, so a log burst
/// costs one snapshot per turn of the loop rather than one per line.
/// </summary>
internal sealed partial class LogTailSession : IAsyncDisposable
{
    private readonly LogTailRequest _request;
    private readonly IClusterConnection _connection;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly InformerOptions _options;
    private readonly ResourceInformer<V1Pod> _pods;
    private readonly SnapshotBroadcaster<LogTailSnapshot> _broadcaster;
    private readonly Channel<bool> _dirty = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly Queue<LogTailLine> _lines = new();
    private readonly Dictionary<string, Follower> _followers = new(StringComparer.Ordinal);
    private readonly List<Follower> _started = [];
    private readonly HashSet<string> _finished = new(StringComparer.Ordinal);
    private readonly Regex? _filter;
    private readonly UiMessage? _filterProblem;
    private HashSet<string>? _initialPods;
    private ConnectionStatus _connectionStatus;
    private UiMessage? _followProblem;
    private long _read;
    private long _matched;
    private Task _loops = Task.CompletedTask;

    public LogTailSession(LogTailRequest request, IClusterConnection connection, TimeProvider time, ILogger logger, InformerOptions options)
    {
        _request = request;
        _connection = connection;
        _time = time;
        _logger = logger;
        _options = options;
        _connectionStatus = ConnectionStatus.Initial(time.GetUtcNow());
        try
        {
            _filter = string.IsNullOrEmpty(request.Filter) ? null
                : new Regex(request.Filter, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException ex)
        {
            _filterProblem = new UiMessage("Logs_BadFilter", request.Filter, ex.Message);
        }

        _pods = new ResourceInformer<V1Pod>(ResourceSources.Pods(request.Namespace, request.LabelSelector), connection, time, logger, options);
        _broadcaster = new SnapshotBroadcaster<LogTailSnapshot>(new LogTailSnapshot([], [], 0, 0, _filterProblem, _connectionStatus, 0));
    }

    public void Start()
    {
        if (_filterProblem is not null)
        {
            return;
        }

        _loops = Task.WhenAll(Task.Run(() => WatchPodsAsync(_stop.Token)), Task.Run(() => PublishLoopAsync(_stop.Token)));
    }

    public IAsyncEnumerable<LogTailSnapshot> SubscribeAsync(CancellationToken cancellationToken) => _broadcaster.SubscribeAsync(cancellationToken);

    private async Task WatchPodsAsync(CancellationToken stop)
    {
        try
        {
            await foreach (var snapshot in _pods.SubscribeAsync(stop))
            {
                Reconcile(snapshot, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Follows pods whose container has started; stops following pods that left the selection.</summary>
    private void Reconcile(ResourceSnapshot<V1Pod> snapshot, CancellationToken stop)
    {
        lock (_gate)
        {
            _connectionStatus = snapshot.Status;
            if (snapshot.Synced)
            {
                _initialPods ??= [.. snapshot.Items.Values.Select(p => p.Metadata.Uid)];
            }

            var present = snapshot.Items.Values.ToDictionary(p => p.Metadata.Uid, StringComparer.Ordinal);
            foreach (var (uid, follower) in _followers.Where(f => !present.ContainsKey(f.Key)).ToList())
            {
                follower.Stop();
                _followers.Remove(uid);
            }

            foreach (var pod in present.Values)
            {
                var uid = pod.Metadata.Uid;
                if (_initialPods is null || _followers.ContainsKey(uid) || _finished.Contains(uid) || !ContainerStarted(pod))
                {
                    continue;
                }

                var tail = _initialPods.Contains(uid) ? _request.TailLines : (int?)null;
                var cancel = CancellationTokenSource.CreateLinkedTokenSource(stop);
                var follower = new Follower(pod.Metadata.Name, cancel);
                _followers[uid] = follower;
                _started.Add(follower);
                follower.Task = Task.Run(() => FollowAsync(follower, uid, tail, follower.Token), CancellationToken.None);
            }
        }

        MarkDirty();
    }

    private bool ContainerStarted(V1Pod pod) =>
        pod.Status?.ContainerStatuses?.Any(c => c.Name == _request.Container && (c.State?.Running is not null || c.State?.Terminated is not null)) == true;

    private void MarkDirty() => _dirty.Writer.TryWrite(true);

    private async Task PublishLoopAsync(CancellationToken stop)
    {
        try
        {
            while (await _dirty.Reader.WaitToReadAsync(stop))
            {
                _dirty.Reader.TryRead(out _);
                LogTailSnapshot next;
                lock (_gate)
                {
                    next = new LogTailSnapshot([.. _lines], _followers.Values.Where(f => f.Streaming).Select(f => f.Pod).Order(StringComparer.Ordinal).ToList(), _read, _matched,
                        _followProblem, _connectionStatus, _broadcaster.Current.Version + 1);
                }

                _broadcaster.Publish(next);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loops.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Task[] followers;
        lock (_gate)
        {
            followers = _started.Select(f => f.Task).ToArray();
        }

        // Every follower ever started, including those already cancelled because their pod went away.
        await Task.WhenAll(followers).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _pods.DisposeAsync();
        lock (_gate)
        {
            foreach (var follower in _started)
            {
                follower.Dispose();
            }

            _started.Clear();
            _followers.Clear();
        }

        _stop.Dispose();
    }

    /// <summary>One pod's log stream. Stop and Dispose are called under the session's lock.</summary>
    private sealed class Follower(string pod, CancellationTokenSource cancel) : IDisposable
    {
        private bool _disposed;

        public string Pod => pod;

        public CancellationToken Token => cancel.Token;

        /// <summary>True while its log stream is open (only then does the snapshot list the pod as followed).</summary>
        public bool Streaming { get; set; }

        public Task Task { get; set; } = Task.CompletedTask;

        public void Stop()
        {
            if (!_disposed)
            {
                cancel.Cancel();
            }
        }

        public void Dispose()
        {
            _disposed = true;
            cancel.Dispose();
        }
    }
}
