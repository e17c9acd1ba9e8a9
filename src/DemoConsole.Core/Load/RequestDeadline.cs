namespace DemoConsole.Core.Load;

/// <summary>
/// The per-request timeout of one connection's requests, one after another. A single cancellation source (with its
/// timer, on the run's clock) is re-armed for each request and reset after it, instead of a new linked source and
/// timer per request, which was the largest allocation and timer-queue cost per request. Also cancelled when the
/// run stops. Not thread-safe: one request at a time.
/// </summary>
internal sealed class RequestDeadline : IDisposable
{
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _timeProvider;
    private readonly CancellationToken _runToken;
    private CancellationTokenSource _source;
    private CancellationTokenRegistration _runLink;

    public RequestDeadline(TimeSpan timeout, TimeProvider timeProvider, CancellationToken runToken)
    {
        _timeout = timeout;
        _timeProvider = timeProvider;
        _runToken = runToken;
        (_source, _runLink) = Create();
    }

    /// <summary>Starts the timeout for one request; the token is cancelled when it expires or the run stops.</summary>
    public CancellationToken Arm()
    {
        _source.CancelAfter(_timeout);
        return _source.Token;
    }

    /// <summary>Whether the current request's token was cancelled (by its timeout or by the run stopping).</summary>
    public bool IsCancellationRequested => _source.IsCancellationRequested;

    /// <summary>Stops the timer after a request; a source that was cancelled cannot be reset and is replaced.</summary>
    /// <remarks>
    /// A timer already firing while a request completes exactly at its timeout can still cancel the source after the
    /// reset; the next request then ends as a timeout at once. That window is the timer callback's few instructions,
    /// once per request that lasted its whole timeout, and the error it gives is of the class that was happening.
    /// </remarks>
    public void Disarm()
    {
        if (!_source.TryReset())
        {
            _runLink.Dispose();
            _source.Dispose();
            (_source, _runLink) = Create();
        }
    }

    public void Dispose()
    {
        _runLink.Dispose();
        _source.Dispose();
    }

    private (CancellationTokenSource, CancellationTokenRegistration) Create()
    {
        // Created with the run's clock, so a test clock drives the timeout as it drives everything else.
        var source = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _timeProvider);
        var link = _runToken.UnsafeRegister(static state => Cancel((CancellationTokenSource)state!), source);
        return (source, link);
    }

    private static void Cancel(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Replaced or disposed while the run stopped: nothing is waiting on it any more.
        }
    }
}
