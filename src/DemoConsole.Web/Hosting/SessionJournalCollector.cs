using DemoConsole.Core.Cluster;
using DemoConsole.Core.Observability;
using DemoConsole.Core.Reports;

namespace DemoConsole.Web.Hosting;

/// <summary>
/// Follows the alerts feed and the cluster connection for the whole session and notes what the report needs in the
/// <see cref="SessionJournal"/>: alerts that fired and connection banners, also while no screen is open. The alerts
/// feed is the one the banners share, so this adds no query while a presenter screen is open.
/// </summary>
public sealed class SessionJournalCollector(
    SessionJournal journal, IMetricsFeeds feeds, IClusterViews views, IHostApplicationLifetime lifetime, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // After start-up, like the cluster warm-up: the sandbox (and its kubeconfig) is up by then.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        await Task.WhenAll(
            FollowAsync(feeds.WatchAlertsAsync(stoppingToken), alerts => journal.ObserveAlerts(alerts, time.GetUtcNow()), stoppingToken),
            FollowAsync(views.WatchAsync(stoppingToken), snapshot => journal.ObserveConnection(snapshot.Connection, time.GetUtcNow()), stoppingToken));
    }

    private static async Task FollowAsync<T>(IAsyncEnumerable<T> stream, Action<T> observe, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var item in stream.WithCancellation(stoppingToken))
            {
                observe(item);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
