using System.Globalization;
using DemoConsole.Core.Observability;
using DemoConsole.Core.Scenarios;
using Microsoft.AspNetCore.Components;

namespace DemoConsole.Web.Components.Panels.Metrics;

public sealed partial class ServiceGraphView
{
    private ServiceGraphSnapshot? _snapshot;
    private GraphLayout _layout = GraphLayout.Empty;

    [Inject]
    private IMetricsFeeds Feeds { get; set; } = default!;

    [Parameter, EditorRequired]
    public ViewDefinition View { get; set; } = default!;

    [Parameter]
    public bool Large { get; set; }

    protected override void OnInitialized() =>
        Follow(Feeds.WatchServiceGraphAsync, snapshot =>
        {
            _snapshot = snapshot;
            _layout = GraphLayout.Of(snapshot);
        });

    private static string Invariant(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    // Two short lines fit between the columns; one long line ran into the next node.
    private static string RateText(GraphEdge edge) => edge.TcpBytesPerSecond is { } bytes
        ? string.Create(CultureInfo.CurrentCulture, $"TCP {bytes / 1024:0.0} KiB/s")
        : string.Create(CultureInfo.CurrentCulture, $"{edge.Rps:0.0} rps · 5xx {MetricText.Percent(edge.ErrorPercent)}");

    private static string LatencyText(GraphEdge edge) => edge.TcpBytesPerSecond is not null
        ? edge.MutualTls ? "mTLS" : Resources.UiText.Get("Graph_PlainText")
        : $"P95 {MetricText.Milliseconds(edge.P95)}";
}
