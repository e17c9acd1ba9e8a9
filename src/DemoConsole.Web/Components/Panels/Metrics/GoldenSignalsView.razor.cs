using DemoConsole.Core.Actions;
using DemoConsole.Core.Observability;
using DemoConsole.Core.Scenarios;
using DemoConsole.Web.Components.Controls;
using Microsoft.AspNetCore.Components;

namespace DemoConsole.Web.Components.Panels.Metrics;

public sealed partial class GoldenSignalsView
{
    private static readonly (string Label, TimeSpan Window)[] Windows =
        [("5m", TimeSpan.FromMinutes(5)), ("15m", TimeSpan.FromMinutes(15)), ("60m", TimeSpan.FromMinutes(60))];

    private GoldenSignalsSnapshot? _snapshot;
    private RunBoard _board = RunBoard.Empty;
    private IReadOnlyList<RunMarker> _markers = [];
    private TimeSpan _window = TimeSpan.FromMinutes(15);
    private LiveSubscription? _feed;

    [Inject]
    private IMetricsFeeds Feeds { get; set; } = default!;

    [Inject]
    private ActionExecutor Executor { get; set; } = default!;

    [Parameter, EditorRequired]
    public ViewDefinition View { get; set; } = default!;

    /// <summary>The audience screen: bigger, and no controls.</summary>
    [Parameter]
    public bool Large { get; set; }

    private bool ErrorsFirst => View.Parameters.GetValueOrDefault("focus") == "errors";

    // On the audience screen the chart grows with the screen's height, so its axis labels grow with the rest of the type.
    private string ChartHeight => Large ? "min(40vh, 440px)" : "200px";

    protected override void OnInitialized()
    {
        _window = ViewKinds.Windows.GetValueOrDefault(View.Parameters.GetValueOrDefault("window") ?? "15m", TimeSpan.FromMinutes(15));
        _feed = Follow(token => Feeds.WatchGoldenSignalsAsync(_window, token), Apply, replayKey: WindowKey(_window));
        Follow(Executor.WatchAsync, board =>
        {
            _board = board;
            _markers = MarkersFor(_snapshot);
        }, TimeSpan.FromSeconds(1));
    }

    private void Apply(GoldenSignalsSnapshot snapshot)
    {
        _snapshot = snapshot;
        _markers = MarkersFor(snapshot);
    }

    private async Task ChooseWindowAsync(TimeSpan window)
    {
        if (window == _window)
        {
            return;
        }

        await StopFollowingAsync(_feed);
        _window = window;
        _snapshot = null;
        _feed = Follow(token => Feeds.WatchGoldenSignalsAsync(window, token), Apply, replayKey: WindowKey(window));
    }

    /// <summary>A recording keeps each window's signals apart (a replay shows the window the screen has chosen).</summary>
    private static string WindowKey(TimeSpan window) => $"{(int)window.TotalMinutes}m";

    private List<RunMarker> MarkersFor(GoldenSignalsSnapshot? snapshot) => snapshot is null
        ? []
        : _board.Runs.Where(r => r.StartedAt >= snapshot.From && r.StartedAt <= snapshot.To)
            .OrderBy(r => r.StartedAt).Select(r => new RunMarker(r.StartedAt, r.Title)).ToList();

    private static IReadOnlyList<MetricSeries>? Get(GoldenSignalsSnapshot s, string name) => s.Series.GetValueOrDefault(name);

    /// <summary>Several single-series queries on one chart, each named after its query (p95, 5xx, ...).</summary>
    private static List<MetricSeries> Join(GoldenSignalsSnapshot s, params string[] names) =>
        names.SelectMany(n => (s.Series.GetValueOrDefault(n) ?? []).Take(1).Select(x => x with
        {
            Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["__query"] = ShortName(n) },
        })).ToList();

    private static string SeriesName(MetricSeries series) => series.Label("__query");

    private static string ShortName(string query) => query switch
    {
        MetricQueries.LatencyP50 => "P50",
        MetricQueries.LatencyP95 => "P95",
        MetricQueries.LatencyP99 => "P99",
        MetricQueries.Errors4xxPercent => "4xx %",
        MetricQueries.Errors5xxPercent => "5xx %",
        _ => query,
    };

    private static string? Problem(GoldenSignalsSnapshot s, params string[] names) =>
        names.Select(n => s.QueryProblems.TryGetValue(n, out var p) ? $"{n}: {p.Format()}" : null).FirstOrDefault(p => p is not null);
}
