using System.Globalization;
using System.Text;

namespace DemoConsole.Core.Reports;

/// <summary>The report as Markdown: headings, tables and lists a wiki, an issue or a chat renders as they are.</summary>
public static class ReportMarkdown
{
    /// <param name="language">The language of the report's words; the current UI language when null.</param>
    public static string Write(SessionReport report, ReportComparison? comparison = null, CultureInfo? language = null)
    {
        var t = new ReportText(language);
        var md = new StringBuilder();
        md.AppendLine($"# {t["Report_Heading", Cell(report.Scenario)]}").AppendLine();
        md.AppendLine($"- {t["Report_Date", ReportFormat.Time(report.StartedAt ?? report.GeneratedAt)]}");
        md.AppendLine($"- {t["Report_Scenario", Cell(report.Scenario), Cell(report.Source)]}");
        md.AppendLine($"- {t["Report_PresentedBy", report.Presenters.Count == 0 ? "—" : string.Join(", ", report.Presenters.Select(Cell))]}");
        md.AppendLine($"- {t["Report_Total", ReportFormat.Clock(report.TotalSpent), ReportFormat.Clock(report.TotalTarget), ReportFormat.Clock(report.TotalLimit)]}{(report.OverTarget ? $" — **{t["Report_OverTarget"]}**" : "")}");
        md.AppendLine($"- {t["Report_Written", ReportFormat.Time(report.GeneratedAt)]}").AppendLine();

        md.AppendLine($"## {t["Report_TimePerPart"]}").AppendLine();
        md.AppendLine($"| {t["Report_Part"]} | {t["Report_TitleColumn"]} | {t["Report_Spent"]} | {t["Report_Budget"]} | |").AppendLine("|---|---|---:|---:|---|");
        var over = $"**{t["Report_Over"]}**";
        foreach (var p in report.Parts)
        {
            md.AppendLine($"| {Cell(p.Label)} | {Cell(p.Title)} | {ReportFormat.Clock(p.Spent)} | {ReportFormat.Clock(p.Budget)} | {(p.Over ? over : "")} |");
        }

        md.AppendLine($"| | **{t["Report_TotalRow"]}** | **{ReportFormat.Clock(report.TotalSpent)}** | {ReportFormat.Clock(report.TotalTarget)} | {(report.OverTarget ? over : "")} |").AppendLine();

        md.AppendLine($"## {t["Report_Actions"]}").AppendLine();
        if (report.Runs.Count == 0)
        {
            md.AppendLine(t["Report_NoAction"]);
        }

        foreach (var r in report.Runs)
        {
            var part = r.Part is { } n ? t["Report_InPart", n] : t["Report_Preparation"];
            md.AppendLine($"- **{Cell(r.Title)}** (`{r.Kind}`, {part}, {Cell(r.StartedBy)}, {ReportFormat.Time(r.StartedAt)}): {t.Status(r.Status)}");
            md.AppendLine($"  - {Cell(ReportFormat.Figures(r, t.Language))}");
        }

        md.AppendLine().AppendLine($"## {t["Report_Checklist"]}").AppendLine();
        foreach (var c in report.Checklist)
        {
            md.AppendLine($"- [{(c.Done ? "x" : " ")}] {Cell(c.Text)}{(c.Done ? $" ({Cell(c.By ?? "")}, {ReportFormat.Time(c.At)})" : "")} — {Cell(c.Checklist)}");
        }

        md.AppendLine().AppendLine($"## {t["Report_Alerts"]}").AppendLine();
        if (t.AlertsNotWatched(report) is { } why)
        {
            md.AppendLine(t["Report_NotKnown", Cell(why)]);
        }
        else if (report.Alerts.Count == 0)
        {
            md.AppendLine(t["Report_None"]);
        }

        foreach (var a in report.Alerts)
        {
            md.AppendLine($"- **{Cell(a.Name)}** ({Cell(a.Severity ?? t["Report_NoSeverity"])}) {ReportFormat.Time(a.FirstSeen)} – {ReportFormat.Time(a.LastSeen)}{(a.Summary is { } s ? ": " + Cell(s) : "")}");
        }

        md.AppendLine().AppendLine($"## {t["Report_Problems"]}").AppendLine();
        if (report.Problems.Count == 0)
        {
            md.AppendLine(t["Report_None"]);
        }

        foreach (var p in report.Problems)
        {
            md.AppendLine($"- {ReportFormat.Time(p.At)} [{t.Kind(p.Kind)}] {Cell(t.Problem(p))}");
        }

        if (comparison is not null)
        {
            md.AppendLine().AppendLine($"## {t["Report_ComparedWith", ReportFormat.Time(comparison.PreviousDate)]}").AppendLine();
            foreach (var line in comparison.LinesIn(t.Language))
            {
                md.AppendLine($"- {Cell(line)}");
            }
        }

        return md.ToString();
    }

    /// <summary>Scenario and cluster text inside a table cell or list item: no line breaks, no table pipes.</summary>
    private static string Cell(string text) => text.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
}
