using DemoConsole.Core.Actions;
using DemoConsole.Core.Reports;
using DemoConsole.Core.Session;
using DemoConsole.Web.Components.Controls;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DemoConsole.Web.Components.Pages;

/// <summary>
/// The report of this session, rebuilt whenever the session or the run board changes: time per part against budget
/// (a chart and a table), every run with its figures, the checklist, alerts and problems, and the comparison with the
/// newest saved report. The same <see cref="SessionReport"/> feeds the Markdown and HTML downloads.
/// </summary>
public sealed partial class Report
{
    private SessionReport _report = default!;
    private ReportComparison? _comparison;
    private (DateTimeOffset? StartedAt, SessionReport? Report)? _previous;
    private ReportStore _store = default!;
    private List<ChartSeries<double>> _timeSeries = [];
    private string[] _partLabels = [];
    private BarChartOptions _timeOptions = new();

    [Inject]
    private LiveReports Reports { get; set; } = default!;

    [Inject]
    private DemoSession Session { get; set; } = default!;

    [Inject]
    private ActionExecutor Executor { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override void OnInitialized()
    {
        _store = Reports.Store;
        Rebuild();
        // A new run or a part change changes the report; the timers' seconds alone do not need a render.
        Follow<SessionSnapshot>(Session.WatchAsync, _ => Rebuild());
        Follow<RunBoard>(Executor.WatchAsync, _ => Rebuild());
    }

    private void Rebuild()
    {
        _report = Reports.Build();
        // The saved reports are read from disk once per session start (and after a save), not on every run update.
        if (_previous is not { } cached || cached.StartedAt != _report.StartedAt)
        {
            _previous = (_report.StartedAt, _store.Previous(_report));
        }

        _comparison = _previous.Value.Report is { } previous ? ReportComparison.Compare(_report, previous) : null;
        _partLabels = _report.Parts.Select(p => p.Label).ToArray();
        _timeSeries =
        [
            new ChartSeries<double> { Name = L["Report_Spent"], Data = _report.Parts.Select(p => Minutes(p.Spent)).ToList() },
            new ChartSeries<double> { Name = L["Overview_BudgetColumn"], Data = _report.Parts.Select(p => Minutes(p.Budget)).ToList() },
        ];
        _timeOptions = new BarChartOptions
        {
            ShowLegend = true,
            YAxisFormat = "0.#",
            ChartPalette = [_report.Parts.Any(p => p.Over) ? "#c62828" : "#1565c0", "#9e9e9e"],
        };
    }

    private void Save()
    {
        var (file, problem) = _store.Save(_report);
        _previous = null;
        Snackbar.Add(problem?.Format() ?? L["Report_SavedAs", Path.GetFileName(file) ?? ""], problem is null ? Severity.Success : Severity.Warning);
    }

    private static double Minutes(TimeSpan value) => Math.Round(value.TotalMinutes, 2, MidpointRounding.AwayFromZero);
}
