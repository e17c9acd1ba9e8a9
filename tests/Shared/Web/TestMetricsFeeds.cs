using DemoConsole.Core.Live;
using DemoConsole.Core.Observability;

namespace DemoConsole.Tests.Shared.Web;

/// <summary>
/// <see cref="IMetricsFeeds"/> for component tests: the test publishes snapshots and waits for the component to show
/// them. Every window shares one golden-signals stream (the test decides what it holds).
/// </summary>
public sealed class TestMetricsFeeds : IMetricsFeeds
{
    private readonly SnapshotBroadcaster<GoldenSignalsSnapshot> _golden = new(new GoldenSignalsSnapshot());
    private readonly SnapshotBroadcaster<ServiceGraphSnapshot> _graph = new(new ServiceGraphSnapshot());
    private readonly SnapshotBroadcaster<AlertsSnapshot> _alerts = new(new AlertsSnapshot());

    /// <summary>The windows components asked for, in order.</summary>
    public List<TimeSpan> WindowsAsked { get; } = [];

    public IAsyncEnumerable<GoldenSignalsSnapshot> WatchGoldenSignalsAsync(TimeSpan window, CancellationToken cancellationToken = default)
    {
        lock (WindowsAsked)
        {
            WindowsAsked.Add(window);
        }

        return _golden.SubscribeAsync(cancellationToken);
    }

    public IAsyncEnumerable<ServiceGraphSnapshot> WatchServiceGraphAsync(CancellationToken cancellationToken = default) => _graph.SubscribeAsync(cancellationToken);

    public IAsyncEnumerable<AlertsSnapshot> WatchAlertsAsync(CancellationToken cancellationToken = default) => _alerts.SubscribeAsync(cancellationToken);

    public void Publish(GoldenSignalsSnapshot snapshot) => _golden.Publish(snapshot);

    public void Publish(ServiceGraphSnapshot snapshot) => _graph.Publish(snapshot);

    public void Publish(AlertsSnapshot snapshot) => _alerts.Publish(snapshot);
}
