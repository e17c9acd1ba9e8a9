namespace DemoConsole.Web.Replicas;

/// <summary>
/// Waits for the application to have started. The executor and its handlers must not be built earlier: the load
/// engine fixes its allowed target from the sandbox's gateway, which is known only once the sandbox is up.
/// </summary>
internal static class ApplicationStarted
{
    /// <returns>False when the host stops first.</returns>
    public static async Task<bool> WaitAsync(IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }
}
