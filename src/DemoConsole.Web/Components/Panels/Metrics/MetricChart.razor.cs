using DemoConsole.Core.Observability;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DemoConsole.Web.Components.Panels.Metrics;

public sealed partial class MetricChart
{
    private const int MaxLegendEntries = 5;
    private const int SparsePoints = 12;

    private List<ChartSeries<double>> _series = [];
    private List<RunMarker> _markers = [];
    private TimeSeriesChartOptions _options = new();

    [Parameter, EditorRequired]
    public string Name { get; set; } = "";

    [Parameter, EditorRequired]
    public string Title { get; set; } = "";

    [Parameter]
    public IReadOnlyList<MetricSeries>? Series { get; set; }

    /// <summary>The name of each series in the legend (a label value, or the query's name).</summary>
    [Parameter]
    public Func<MetricSeries, string> Label { get; set; } = _ => "";

    [Parameter]
    public string? Problem { get; set; }

    [Parameter]
    public IReadOnlyList<RunMarker> Markers { get; set; } = [];

    [Parameter]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    [Parameter]
    public string Height { get; set; } = "220px";

    /// <summary>Stacked traffic reads better as areas; latencies and rates as lines.</summary>
    [Parameter]
    public bool Area { get; set; }

    private static readonly TimeSpan[] Spacings = [.. new[] { 5, 10, 15, 30, 60, 120, 180, 300, 600, 900 }.Select(s => TimeSpan.FromSeconds(s))];

    /// <summary>The chart spans its data, not the window: labels every quarter of that span keep the axis honest while data is young.</summary>
    private static TimeSpan LabelSpacing(TimeSpan span) => Spacings.FirstOrDefault(s => s >= span / 4, Spacings[^1]);

    private bool ShowLegend => _series.Count is > 1 and <= MaxLegendEntries;

    protected override void OnParametersSet()
    {
        // NaN and ±Inf (histogram_quantile over no samples) are gaps, not points at zero.
        var data = (Series ?? [])
            .Select(s => (Name: Label(s), Points: s.Points.Where(p => double.IsFinite(p.Value)).Select(p => (p.Time.ToLocalTime().DateTime, p.Value)).ToList()))
            .Where(s => s.Points.Count > 0)
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        _series = data.Select(s => new ChartSeries<double> { Name = s.Name.Length > 0 ? s.Name : Title, Data = s.Points }).ToList();
        _markers = [.. Markers];
        if (_series.Count > 0)
        {
            // A run is a vertical line from zero to the top of the data: drawn by the chart itself, so it sits on the same time axis.
            var top = Math.Max(1, data.SelectMany(s => s.Points).Max(p => p.Value));
            _series.AddRange(_markers.Select(m => new ChartSeries<double>
            {
                Name = $"▲ {m.Title}",
                Data = new List<(DateTime, double)> { (m.At.ToLocalTime().DateTime, 0), (m.At.ToLocalTime().DateTime, top) },
            }));
        }

        var times = data.SelectMany(d => d.Points).Select(p => p.Item1).Concat(_markers.Select(m => m.At.ToLocalTime().DateTime)).ToList();
        var span = times.Count > 1 ? times.Max() - times.Min() : Window;
        var spacing = LabelSpacing(span);
        _options = new TimeSeriesChartOptions
        {
            TimeLabelSpacing = spacing,
            TimeLabelFormat = spacing < TimeSpan.FromMinutes(1) ? "HH:mm:ss" : "HH:mm",
            TooltipTimeLabelFormat = "HH:mm:ss",
            LineDisplayType = Area ? LineDisplayType.Area : LineDisplayType.Line,
            // Ten pods with generated names make a legend taller than the chart; the tooltip names each line instead.
            ShowLegend = ShowLegend,
            // A series that has only just started (or a sparse one) is a point or two: markers keep it visible.
            ShowDataMarkers = data.Any(s => s.Points.Count < SparsePoints),
            YAxisRequireZeroPoint = true,
            LineStrokeWidth = 2,
        };
    }
}
