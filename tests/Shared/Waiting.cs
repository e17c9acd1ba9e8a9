namespace DemoConsole.Tests.Shared;

/// <summary>Waits for a condition instead of sleeping a fixed time; fails the test with a message when it never holds.</summary>
public static class Waiting
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    public static async Task UntilAsync(Func<bool> condition, string description, TimeSpan? timeout = null)
    {
        using var expired = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (!condition())
        {
            if (expired.IsCancellationRequested)
            {
                throw new TimeoutException($"Timed out waiting until {description}.");
            }

            // Polls a cheap in-memory condition; the timeout bounds the wait, not the assertion.
            await Task.Delay(PollInterval, CancellationToken.None);
        }
    }
}
