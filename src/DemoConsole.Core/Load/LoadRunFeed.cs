using System.Runtime.CompilerServices;
using DemoConsole.Core.Live;

namespace DemoConsole.Core.Load;

/// <summary>
/// A run's figures as a stream of whole snapshots, through the same <see cref="SnapshotBroadcaster{T}"/> every
/// live screen reads. The engine side only flips a flag (and, the first time after a publish, wakes the pump), so
/// however many readers there are and however slow they read, the run never waits for them. Snapshots are built
/// only while someone reads, and at most once per the shortest interval a current reader asked for.
/// </summary>
internal sealed class LoadRunFeed : IDisposable
{
    private readonly Func<LoadSnapshot> _snapshot;
    private readonly TimeProvider _time;
    private readonly SnapshotBroadcaster<LoadSnapshot> _broadcaster;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _finished = new();
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _intervals = [];
    private int _readers;
    private int _dirty;

    public LoadRunFeed(Func<LoadSnapshot> snapshot, TimeProvider time)
    {
        _snapshot = snapshot;
        _time = time;
        _broadcaster = new SnapshotBroadcaster<LoadSnapshot>(snapshot());
    }

    /// <summary>Readers currently subscribed.</summary>
    public int Readers => Volatile.Read(ref _readers);

    /// <summary>Called by the engine on every change: cheap, lock-free unless it wakes the pump.</summary>
    public void Changed()
    {
        // Nobody reads: nothing to build. A reader that arrives publishes the latest itself. After the end the pump
        // has published the final snapshot and is gone.
        if (Volatile.Read(ref _readers) == 0 || _finished.IsCancellationRequested)
        {
            return;
        }

        // Only the first change since the pump last took the flag wakes it; the semaphore's count stays ≤ 1.
        if (Interlocked.Exchange(ref _dirty, 1) == 0)
        {
            _wake.Release();
        }
    }

    /// <summary>Runs until <see cref="Finish"/>: publishes after changes, paced by the readers' intervals.</summary>
    public async Task PumpAsync()
    {
        try
        {
            while (true)
            {
                await _wake.WaitAsync(_finished.Token);
                Interlocked.Exchange(ref _dirty, 0);
                PublishLatest();
                var pace = Pace();
                if (pace > TimeSpan.Zero)
                {
                    // Coalesce: whatever happens during the pause arrives as one snapshot.
                    await Task.Delay(pace, _time, _finished.Token);
                }
            }
        }
        catch (OperationCanceledException) when (_finished.IsCancellationRequested)
        {
            PublishLatest();
        }
    }

    /// <summary>The run ended: the final snapshot is published at once, whatever the pacing.</summary>
    public void Finish() => _finished.Cancel();

    /// <summary>
    /// The latest snapshot at once, then newer ones, ending with the final one. <paramref name="minInterval"/> paces
    /// this reader (and the pump, while it is the most eager reader).
    /// </summary>
    public async IAsyncEnumerable<LoadSnapshot> WatchAsync(TimeSpan minInterval, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _intervals.Add(minInterval);
            _readers++;
        }

        try
        {
            PublishLatest();

            // A reader of a finished run (its feed possibly disposed) gets the final snapshot and no pacing.
            using var paced = _finished.IsCancellationRequested ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _finished.Token);
            await foreach (var snapshot in _broadcaster.SubscribeAsync(cancellationToken))
            {
                yield return snapshot;
                if (snapshot.State != LoadRunState.Running)
                {
                    yield break;
                }

                if (minInterval > TimeSpan.Zero && paced is not null && !_finished.IsCancellationRequested)
                {
                    try
                    {
                        await Task.Delay(minInterval, _time, paced.Token);
                    }
                    catch (OperationCanceledException) when (_finished.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                    {
                        // The run ended during the pause: the final snapshot is next.
                    }
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _intervals.Remove(minInterval);
                _readers--;
            }
        }
    }

    /// <summary>After the run ended and the pump stopped (see <c>LoadRun.DisposeAsync</c>).</summary>
    public void Dispose()
    {
        _finished.Dispose();
        _wake.Dispose();
    }

    private TimeSpan Pace()
    {
        lock (_gate)
        {
            return _intervals.Count == 0 ? TimeSpan.Zero : _intervals.Min();
        }
    }

    private void PublishLatest()
    {
        // One publisher at a time, so versions only ever grow in what readers see.
        lock (_gate)
        {
            var latest = _snapshot();
            var current = _broadcaster.Current;
            if (latest.Version != current.Version || latest.State != current.State)
            {
                _broadcaster.Publish(latest);
            }
        }
    }
}
