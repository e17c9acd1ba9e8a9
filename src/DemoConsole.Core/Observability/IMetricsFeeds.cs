namespace DemoConsole.Core.Observability;

/// <summary>
/// Live metrics for the screens: one shared poll loop per query set and window, publishing immutable snapshots (a slow
/// screen skips to the newest). The loops follow the scenario's <c>metrics:</c> settings and run only while watched.
/// </summary>
public interface IMetricsFeeds
{
    /// <summary>The Golden Signals over <paramref name="window"/> (5, 15 or 60 minutes), refreshed every few seconds.</summary>
    IAsyncEnumerable<GoldenSignalsSnapshot> WatchGoldenSignalsAsync(TimeSpan window, CancellationToken cancellationToken = default);

    /// <summary>The application namespace's service graph.</summary>
    IAsyncEnumerable<ServiceGraphSnapshot> WatchServiceGraphAsync(CancellationToken cancellationToken = default);

    /// <summary>Alerting rules and active alerts (also what the firing-alert banner follows).</summary>
    IAsyncEnumerable<AlertsSnapshot> WatchAlertsAsync(CancellationToken cancellationToken = default);
}
