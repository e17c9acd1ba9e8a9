namespace DemoConsole.Core.Load;

/// <summary>Counts requests in flight against a limit and tells when the last one finished after scheduling ended.</summary>
internal sealed class InFlightTracker(int limit)
{
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;
    private int _schedulingDone;

    /// <summary>Reserves a place, or returns false when <c>limit</c> requests are already in flight.</summary>
    public bool TryEnter()
    {
        if (Interlocked.Increment(ref _count) <= limit)
        {
            return true;
        }

        Interlocked.Decrement(ref _count);
        return false;
    }

    public void Exit()
    {
        if (Interlocked.Decrement(ref _count) == 0 && Volatile.Read(ref _schedulingDone) == 1)
        {
            _drained.TrySetResult();
        }
    }

    /// <summary>Called once no more requests will start; completes when those in flight have finished.</summary>
    public Task DrainAsync()
    {
        Volatile.Write(ref _schedulingDone, 1);
        if (Volatile.Read(ref _count) == 0)
        {
            _drained.TrySetResult();
        }

        return _drained.Task;
    }
}
