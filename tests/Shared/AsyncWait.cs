namespace DemoConsole.Tests.Shared;

/// <summary>Waits for a condition with a deadline instead of sleeping a guessed amount of time.</summary>
public static class AsyncWait
{
    /// <summary>Generous: CI shares two cores between several test assemblies; a wait only takes this long when it fails.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(45);

    /// <summary>Reads a live stream until an item satisfies <paramref name="done"/>.</summary>
    public static async Task<T> ForAsync<T>(Func<CancellationToken, IAsyncEnumerable<T>> stream, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        T? last = default;
        try
        {
            await foreach (var item in stream(deadline.Token))
            {
                last = item;
                if (done(item))
                {
                    return item;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
        }

        throw new TimeoutException($"Timed out waiting for {what}; last value: {last}");
    }

    /// <summary>Polls a condition that has no change stream (a process, a socket) until it holds.</summary>
    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, timeout);

    /// <summary>Polls an asynchronous condition (an HTTP call) until it holds.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (!await condition())
        {
            try
            {
                await tick.WaitForNextTickAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }
        }
    }
}
