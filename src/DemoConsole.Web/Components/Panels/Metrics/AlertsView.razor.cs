using System.Globalization;
using System.Text.RegularExpressions;
using DemoConsole.Core.Observability;
using DemoConsole.Core.Scenarios;
using Microsoft.AspNetCore.Components;

namespace DemoConsole.Web.Components.Panels.Metrics;

public sealed partial class AlertsView
{
    private AlertsSnapshot? _snapshot;

    [Inject]
    private IMetricsFeeds Feeds { get; set; } = default!;

    [Parameter, EditorRequired]
    public ViewDefinition View { get; set; } = default!;

    [Parameter]
    public bool Large { get; set; }

    protected override void OnInitialized() => Follow(Feeds.WatchAlertsAsync, snapshot => _snapshot = snapshot);

    /// <summary>The comparison at the end of the expression ("&gt; 0.05"): what the rule fires at.</summary>
    private static string Threshold(string query) => TrailingComparison().Match(query) is { Success: true } m ? $"{m.Groups[1].Value} {m.Groups[2].Value}" : "-";

    private static string ValueText(double value) => double.IsFinite(value) ? value.ToString("0.####", CultureInfo.CurrentCulture) : "-";

    [GeneratedRegex(@"(>=|<=|==|!=|>|<)\s*([0-9.eE+-]+)\s*$")]
    private static partial Regex TrailingComparison();
}
