namespace DemoConsole.Web.Components.Controls;

/// <summary>
/// Reads a stream of snapshots on a background task for a component and hands each to <c>onNext</c>,
/// at most once per <c>minInterval</c>: the source keeps only its newest value, so a burst of changes becomes
/// one render with the latest state instead of thousands. Dispose cancels the reader and waits for it.
/// </summary>
public sealed class LiveSubscription : IAsyncDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly Task _reader;

    private LiveSubscription(Func<CancellationToken, Task> reader) => _reader = reader(_cancel.Token);

    /// <summary>About ten renders a second at most per screen, however fast the source changes.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    public static LiveSubscription Start<T>(
        Func<CancellationToken, IAsyncEnumerable<T>> source,
        Func<T, Task> onNext,
        TimeProvider time,
        TimeSpan? minInterval = null) =>
        new(async cancellationToken =>
        {
            try
            {
                await foreach (var item in source(cancellationToken))
                {
                    await onNext(item);
                    await Task.Delay(minInterval ?? DefaultInterval, time, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Disposed: the component is gone.
            }
            catch (ObjectDisposedException) when (cancellationToken.IsCancellationRequested)
            {
                // The circuit's renderer was disposed while a render was being queued.
            }
        });

    public async ValueTask DisposeAsync()
    {
        await _cancel.CancelAsync();
        await _reader;
        _cancel.Dispose();
    }
}
