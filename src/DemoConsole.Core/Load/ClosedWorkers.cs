namespace DemoConsole.Core.Load;

/// <summary>
/// The closed model: one worker per connection, each sending its next request as soon as the previous
/// one finished. Latency is measured from the actual send, which here is also the intended start.
/// Each worker has its own exchange (<paramref name="newExchange"/>): a raw connection of its own where it can,
/// else the shared handler.
/// </summary>
internal sealed class ClosedWorkers(ResolvedPlan plan, RequestSender sender, LoadRecorder recorder, TimeProvider timeProvider, Func<IHttpExchange> newExchange)
{
    private long _claimed;

    public Task RunAsync(CancellationToken runToken)
    {
        var workers = new Task[plan.Connections];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = WorkAsync(runToken);
        }

        return Task.WhenAll(workers);
    }

    private async Task WorkAsync(CancellationToken runToken)
    {
        // Leave the starting thread at once so the workers run in parallel.
        await Task.Yield();
        var total = plan.Total ?? long.MaxValue;
        using var deadline = sender.NewDeadline(runToken);
        var exchange = newExchange();
        using var owned = exchange as IDisposable;
        while (!runToken.IsCancellationRequested)
        {
            if (plan.Duration is { } duration && timeProvider.GetElapsedTime(recorder.Start) >= duration)
            {
                return;
            }

            var index = Interlocked.Increment(ref _claimed);
            if (index > total)
            {
                return;
            }

            var now = timeProvider.GetTimestamp();
            recorder.RecordStarted(now);
            await sender.SendAsync(index, now, exchange, deadline, runToken);
        }
    }
}
