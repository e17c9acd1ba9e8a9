using DemoConsole.Core.Messages;
using System.Collections.Immutable;
using DemoConsole.Core.Live;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace DemoConsole.Core.Cluster;

/// <summary>
/// A resilient list+watch of one resource type in one namespace. It lists, then watches from the list's
/// resourceVersion; resumes a watch the server ended on time; re-lists on 410 Gone, after a watchdog restart
/// and after any failure, so the cache converges to what a fresh list shows even when the API server was
/// replaced. Failures back off exponentially and become a <see cref="ConnectionStatus"/>; nothing is thrown
/// to readers.
/// </summary>
public sealed partial class ResourceInformer<T> : IAsyncDisposable
    where T : IKubernetesObject<V1ObjectMeta>
{
    private readonly ResourceSource<T> _source;
    private readonly IClusterConnection _connection;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly InformerOptions _options;
    private readonly SnapshotBroadcaster<ResourceSnapshot<T>> _broadcaster;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private Task? _loop;
    private InformerCounters _counters = new(0, 0, 0, 0, 0);
    private bool _everConnected;
    private bool _disposed;

    public ResourceInformer(ResourceSource<T> source, IClusterConnection connection, TimeProvider time, ILogger logger, InformerOptions? options = null)
    {
        _source = source;
        _connection = connection;
        _time = time;
        _logger = logger;
        _options = options ?? new InformerOptions();
        _broadcaster = new SnapshotBroadcaster<ResourceSnapshot<T>>(
            new ResourceSnapshot<T>(ImmutableSortedDictionary<string, T>.Empty.WithComparers(StringComparer.Ordinal), ConnectionStatus.Initial(time.GetUtcNow()), 0));
    }

    /// <summary>A watch that ends sooner than this (or than the timeout we asked for) is suspect: the server may be going away.</summary>
    private TimeSpan LongLived => TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(30).Ticks, (long)(_options.WatchTimeout.Ticks * 0.9)));

    /// <summary>Raised after every new snapshot, on the informer's loop. Handlers must not block.</summary>
    public event Action<ResourceSnapshot<T>>? Changed;

    public string Description => _source.Description;

    public ResourceSnapshot<T> Current => _broadcaster.Current;

    public InformerCounters Counters => Volatile.Read(ref _counters);

    /// <summary>Starts the list+watch loop once; later calls do nothing.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _loop ??= Task.Run(() => RunAsync(_stop.Token));
            }
        }
    }

    /// <summary>The current snapshot, then newer ones; a slow reader skips to the newest.</summary>
    public IAsyncEnumerable<ResourceSnapshot<T>> SubscribeAsync(CancellationToken cancellationToken = default)
    {
        Start();
        return _broadcaster.SubscribeAsync(cancellationToken);
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var backoff = _options.InitialBackoff;
        string? resourceVersion = null;
        while (!stop.IsCancellationRequested)
        {
            // A 410 right after a fresh list would repeat forever without a pause: back off in that case only.
            var listed = false;
            try
            {
                var client = _connection.Client;
                if (resourceVersion is null)
                {
                    resourceVersion = await ListAsync(client, stop);
                    listed = true;
                }

                var outcome = await WatchAsync(client, resourceVersion, stop);
                resourceVersion = outcome.ResourceVersion;
                if (outcome.Gone)
                {
                    resourceVersion = null;
                    backoff = await GoneAsync(listed && outcome.Events == 0, backoff, stop);
                    continue;
                }

                if (outcome.Events > 0)
                {
                    backoff = _options.InitialBackoff;
                }

                if (outcome.EndedEarly)
                {
                    // Ended long before the timeout we asked for, without an error: the server is going away. Re-list,
                    // because a restarted server may not know our resourceVersion (the sandbox starts a new history).
                    resourceVersion = null;
                    await DelayAsync(backoff, stop);
                    backoff = Next(backoff);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (FailureText.IsGone(ex))
            {
                // Some servers answer a too-old resourceVersion with an HTTP 410 instead of an ERROR event.
                resourceVersion = null;
                try
                {
                    backoff = await GoneAsync(listed, backoff, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            catch (WatchdogException)
            {
                Count(c => c with { WatchdogRestarts = c.WatchdogRestarts + 1 });
                LogSilent(_source.Description, _options.SilenceTimeout);
                resourceVersion = null;
            }
            catch (Exception ex)
            {
                Count(c => c with { Failures = c.Failures + 1 });
                resourceVersion = null;
                var message = FailureText.Describe(_source.Text, ex);
                LogFailure(_source.Description, message, backoff);
                var state = !_everConnected || FailureText.IsPermanent(ex) ? ConnectionState.Unavailable : ConnectionState.Reconnecting;
                SetStatus(state, message);
                try
                {
                    await DelayAsync(backoff, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                backoff = Next(backoff);
            }
        }
    }

    private async Task<string> ListAsync(IKubernetes client, CancellationToken stop)
    {
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, timeout.Token);
        (IReadOnlyList<T> Items, string? ResourceVersion) list;
        try
        {
            list = await _source.ListAsync(client, linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stop.IsCancellationRequested)
        {
            throw new TimeoutException($"Listing {_source.Description} took longer than {_options.RequestTimeout}.");
        }

        Count(c => c with { Lists = c.Lists + 1 });
        var items = ImmutableSortedDictionary.CreateBuilder<string, T>(StringComparer.Ordinal);
        foreach (var item in list.Items)
        {
            items[item.Metadata.Name] = item;
        }

        _everConnected = true;
        Publish(s => s with
        {
            Items = items.ToImmutable(),
            Status = s.Status.IsConnected ? s.Status : new ConnectionStatus(ConnectionState.Connected, null, _time.GetUtcNow()),
            Synced = true,
        });
        return list.ResourceVersion ?? "0";
    }

    private async Task<WatchOutcome> WatchAsync(IKubernetes client, string resourceVersion, CancellationToken stop)
    {
        Count(c => c with { Watches = c.Watches + 1 });
        LogWatchStarting(_source.Description, resourceVersion);
        var started = _time.GetTimestamp();
        var errors = new StreamErrors();
        var events = 0;
        using var watchdog = new CancellationTokenSource(_options.SilenceTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, watchdog.Token);
        var timeoutSeconds = (int)Math.Max(1, Math.Ceiling(_options.WatchTimeout.TotalSeconds));
        try
        {
            var request = new WatchRequest(resourceVersion, timeoutSeconds, _options.AllowBookmarks, errors.Add);
            await foreach (var (type, item) in _source.WatchAsync(client, request, linked.Token))
            {
                watchdog.CancelAfter(_options.SilenceTimeout);
                events++;
                resourceVersion = item.Metadata?.ResourceVersion ?? resourceVersion;
                Apply(type, item);
            }
        }
        catch (OperationCanceledException) when (watchdog.IsCancellationRequested && !stop.IsCancellationRequested)
        {
            throw new WatchdogException();
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or TaskCanceledException && !stop.IsCancellationRequested
                                   && _time.GetElapsedTime(started) >= LongLived)
        {
            // A stream that lived a while and then dropped (a proxy's idle cut, a client-side HTTP timeout, a server
            // that ends timeoutSeconds by closing the connection) is resumed from our resourceVersion, as client-go does;
            // if the server cannot resume it, the next attempt fails or gets a 410 and re-lists.
        }

        if (errors.Error is not null && !errors.Gone)
        {
            throw errors.Error;
        }

        var lasted = _time.GetElapsedTime(started);
        LogWatchEnded(_source.Description, lasted, events, errors.Gone);
        return new WatchOutcome(resourceVersion, errors.Gone, events, EndedEarly: !errors.Gone && lasted < LongLived);
    }
}
