namespace DemoConsole.Sandbox.Prometheus;

/// <summary>
/// Runs a step now and then on every tick of the sandbox's clock until disposed. A failing step is handed to
/// <paramref name="fault"/> and the loop goes on: one bad scrape or evaluation must not stop the twin mid-demo.
/// Disposing twice (the host's stop, then its disposal) is harmless.
/// </summary>
internal sealed class PeriodicLoop(TimeProvider time, TimeSpan interval, Action step, Action<Exception> fault) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private int _disposed;

    public void Start() => _loop = Task.Run(RunAsync);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            do
            {
                try
                {
                    step();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    fault(e);
                }
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
            // The sandbox stopped.
        }
    }
}
