using System.Collections.Concurrent;

namespace DemoConsole.Core.Load;

/// <summary>
/// Starts requests on a fixed schedule (open, sequence and steady runs), whether or not earlier ones
/// returned. Each request's intended start is fixed by the schedule, so waiting for a connection or a
/// late wake-up shows in the corrected latency instead of being silently omitted. Starts that find the
/// in-flight limit reached are dropped and counted, never queued.
/// </summary>
internal sealed class OpenScheduler(ResolvedPlan plan, RequestSender sender, IHttpExchange exchange, LoadRecorder recorder, TimeProvider timeProvider)
{
    // Waits below a millisecond are not honoured; sleeping at least this long and then starting every
    // request that became due keeps high rates exact without spinning a core.
    private static readonly TimeSpan MinSleep = TimeSpan.FromMilliseconds(1);

    // One deadline per connection slot in use, reused by the requests that take that slot after one another.
    private readonly ConcurrentBag<RequestDeadline> _deadlines = [];
    private long _parkedBefore;

    /// <summary>The 1-based index of the request the scheduler is sleeping until; lets tests advance a fake clock safely.</summary>
    public long ParkedBefore => Volatile.Read(ref _parkedBefore);

    public async Task RunAsync(CancellationToken runToken)
    {
        var tracker = new InFlightTracker(plan.MaxInFlight);
        using var connections = new SemaphoreSlim(plan.Connections, plan.Connections);
        // The schedule gets a thread of its own: a blocking wait there wakes within about a millisecond,
        // while timer callbacks through a busy thread pool arrive several milliseconds late, and that
        // lateness would show up as schedule lag in every corrected latency.
        try
        {
            await Task.Factory.StartNew(
                () => Schedule(tracker, connections, runToken),
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
        }
        finally
        {
            // Even if scheduling failed, requests already sent still use the connection slots.
            await tracker.DrainAsync();
            while (_deadlines.TryTake(out var deadline))
            {
                deadline.Dispose();
            }
        }
    }

    private void Schedule(InFlightTracker tracker, SemaphoreSlim connections, CancellationToken runToken)
    {
        var periodTicks = (plan.Period ?? throw new InvalidOperationException("an open schedule needs a period")).Ticks;
        var total = plan.Total ?? long.MaxValue;
        var start = recorder.Start;
        long next = 0;
        while (next < total && !runToken.IsCancellationRequested)
        {
            var due = Math.Min(total, (ElapsedTicks(start) / periodTicks) + 1);
            for (; next < due; next++)
            {
                var intended = start + ToTimestamp(next * periodTicks);
                if (!tracker.TryEnter())
                {
                    recorder.RecordDropped(intended);
                    continue;
                }

                recorder.RecordStarted(intended);
                _ = SendWhenConnectedAsync(next + 1, intended, connections, tracker, runToken);
            }

            if (next >= total)
            {
                break;
            }

            var wait = TimeSpan.FromTicks((next * periodTicks) - ElapsedTicks(start));
            if (wait > TimeSpan.Zero)
            {
                Sleep(wait < MinSleep ? MinSleep : wait, next + 1, runToken);
            }
        }
    }

    /// <summary>Blocks the schedule's own thread until <paramref name="wait"/> passed or the run is stopped.</summary>
    private void Sleep(TimeSpan wait, long before, CancellationToken runToken)
    {
        if (timeProvider == TimeProvider.System)
        {
            Volatile.Write(ref _parkedBefore, before);
            runToken.WaitHandle.WaitOne(wait);
            return;
        }

        // Any other clock (a test's fake one) only moves through its timers.
        var sleep = Task.Delay(wait, timeProvider, runToken);
        Volatile.Write(ref _parkedBefore, before);
        try
        {
            sleep.Wait(CancellationToken.None);
        }
        catch (AggregateException) when (runToken.IsCancellationRequested)
        {
            // Stopped: requests in flight see the same token and finish as aborted.
        }
    }

    private async Task SendWhenConnectedAsync(
        long index, long intended, SemaphoreSlim connections, InFlightTracker tracker, CancellationToken runToken)
    {
        try
        {
            await connections.WaitAsync(runToken);
            var deadline = _deadlines.TryTake(out var free) ? free : sender.NewDeadline(runToken);
            try
            {
                await sender.SendAsync(index, intended, exchange, deadline, runToken);
            }
            finally
            {
                _deadlines.Add(deadline);
                connections.Release();
            }
        }
        catch (OperationCanceledException) when (runToken.IsCancellationRequested)
        {
            recorder.RecordAborted();
        }
        finally
        {
            tracker.Exit();
        }
    }

    private long ElapsedTicks(long start) => timeProvider.GetElapsedTime(start).Ticks;

    private long ToTimestamp(long ticks) =>
        timeProvider.TimestampFrequency == TimeSpan.TicksPerSecond
            ? ticks
            : (long)(ticks * (timeProvider.TimestampFrequency / (double)TimeSpan.TicksPerSecond));
}
