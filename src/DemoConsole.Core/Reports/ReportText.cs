using System.Globalization;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Reports;

/// <summary>
/// The report's own words in one language: the language of the screen or request that asks for the report (a Korean
/// console writes a Korean report). Figures stay invariant (3:07, 12.5 ms) so that reports compare line by line; text
/// from the scenario, the cluster or a remote system is written as it came.
/// </summary>
internal sealed class ReportText(CultureInfo? language)
{
    private static readonly HashSet<string> ProblemKinds = new(["failed", "refused", "cluster"], StringComparer.Ordinal);

    public CultureInfo Language { get; } = language ?? CultureInfo.CurrentUICulture;

    public string this[string key, params object?[] arguments] => Of(new UiMessage(key, arguments));

    public string Of(UiMessage message) => message.Format(Language, CultureInfo.InvariantCulture);

    public string Status(ActionRunStatus status) => this["Report_Status_" + status];

    /// <summary>A problem line's kind in words; a kind noted by another part of the console as it was given.</summary>
    public string Kind(string kind) => ProblemKinds.Contains(kind) ? this["Report_Kind_" + kind] : kind;

    public string Problem(ProblemLine line) => line.Message is { } message ? Of(message) : line.Text;

    /// <summary>Why the alerts are not known: the source's own words, or the report's when it gave none.</summary>
    public string? AlertsNotWatched(SessionReport report) =>
        report.AlertsNotWatchedText is { } text ? Of(text) : report.AlertsNotWatched;
}
