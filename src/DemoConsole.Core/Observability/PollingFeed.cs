using DemoConsole.Core.Live;
using Microsoft.Extensions.Logging;

namespace DemoConsole.Core.Observability;

/// <summary>
/// One poll loop shared by every screen that shows the same thing: it runs while at least one screen watches and stops
/// when the last one leaves, so the number of queries Prometheus sees depends on the query sets on show, never on the
/// number of browsers. Each round's result is published as one immutable snapshot through <see cref="SnapshotBroadcaster{T}"/>.
/// </summary>
public sealed partial class PollingFeed<T> : IAsyncDisposable
    where T : class
{
    private readonly SnapshotBroadcaster<T> _broadcaster;
    private readonly Func<T, CancellationToken, Task<T>> _poll;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private int _watchers;
    private CancellationTokenSource? _running;
    private Task _loop = Task.CompletedTask;
    private bool _disposed;

    /// <param name="poll">One round: the previous snapshot in, the next out. Must not throw for remote failures.</param>
    public PollingFeed(T initial, Func<T, CancellationToken, Task<T>> poll, TimeSpan interval, TimeProvider time, ILogger logger)
    {
        _broadcaster = new SnapshotBroadcaster<T>(initial);
        _poll = poll;
        _interval = interval;
        _time = time;
        _logger = logger;
    }

    public T Current => _broadcaster.Current;

    /// <summary>How many screens follow this feed now.</summary>
    public int Watchers
    {
        get
        {
            lock (_gate)
            {
                return _watchers;
            }
        }
    }

    /// <summary>The current snapshot, then one per round while the caller reads.</summary>
    public async IAsyncEnumerable<T> WatchAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Enter();
        try
        {
            await foreach (var snapshot in _broadcaster.SubscribeAsync(cancellationToken))
            {
                yield return snapshot;
            }
        }
        finally
        {
            Leave();
        }
    }

    private void Enter()
    {
        lock (_gate)
        {
            _watchers++;
            if (_running is null && !_disposed)
            {
                _running = new CancellationTokenSource();
                var token = _running.Token;
                var previous = _loop;
                // A loop cancelled a moment ago may still be finishing its round; the new one starts after it.
                _loop = Task.Run(async () =>
                {
                    await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    await LoopAsync(token);
                });
            }
        }
    }

    private void Leave()
    {
        lock (_gate)
        {
            _watchers--;
            if (_watchers == 0 && _running is { } running)
            {
                // Not disposed here: the loop may still be registering on its token; a cancelled source holds nothing.
                running.Cancel();
                _running = null;
            }
        }
    }

    private async Task LoopAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    _broadcaster.Publish(await _poll(_broadcaster.Current, stop));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A bug in one round must not end the loop: the screens keep the last snapshot and the next round tries again.
                    LogRoundFailed(ex);
                }

                await Task.Delay(_interval, _time, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task loop;
        lock (_gate)
        {
            _disposed = true;
            _running?.Cancel();
            _running = null;
            loop = _loop;
        }

        await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    [LoggerMessage(EventId = 610, Level = LogLevel.Warning, Message = "A metrics poll round failed")]
    private partial void LogRoundFailed(Exception ex);
}
