using System.Text;

namespace DemoConsole.Core.Reports;

/// <summary>The report as Markdown: headings, tables and lists a wiki, an issue or a chat renders as they are.</summary>
public static class ReportMarkdown
{
    public static string Write(SessionReport report, ReportComparison? comparison = null)
    {
        var md = new StringBuilder();
        md.AppendLine($"# {Cell(report.Scenario)} — run-through report").AppendLine();
        md.AppendLine($"- Date: {ReportFormat.Time(report.StartedAt ?? report.GeneratedAt)}");
        md.AppendLine($"- Scenario: {Cell(report.Scenario)} ({Cell(report.Source)})");
        md.AppendLine($"- Presented by: {(report.Presenters.Count == 0 ? "—" : string.Join(", ", report.Presenters.Select(Cell)))}");
        md.AppendLine($"- Total: {ReportFormat.Clock(report.TotalSpent)} of {ReportFormat.Clock(report.TotalTarget)} target ({ReportFormat.Clock(report.TotalLimit)} limit){(report.OverTarget ? " — **over target**" : "")}");
        md.AppendLine($"- Written: {ReportFormat.Time(report.GeneratedAt)}").AppendLine();

        md.AppendLine("## Time per part").AppendLine();
        md.AppendLine("| Part | Title | Spent | Budget | |").AppendLine("|---|---|---:|---:|---|");
        foreach (var p in report.Parts)
        {
            md.AppendLine($"| {Cell(p.Label)} | {Cell(p.Title)} | {ReportFormat.Clock(p.Spent)} | {ReportFormat.Clock(p.Budget)} | {(p.Over ? "**over**" : "")} |");
        }

        md.AppendLine($"| | **Total** | **{ReportFormat.Clock(report.TotalSpent)}** | {ReportFormat.Clock(report.TotalTarget)} | {(report.OverTarget ? "**over**" : "")} |").AppendLine();

        md.AppendLine("## Actions").AppendLine();
        if (report.Runs.Count == 0)
        {
            md.AppendLine("No action ran.");
        }

        foreach (var r in report.Runs)
        {
            md.AppendLine($"- **{Cell(r.Title)}** (`{r.Kind}`, {(r.Part is { } n ? $"part {n}" : "preparation")}, {Cell(r.StartedBy)}, {ReportFormat.Time(r.StartedAt)}): {r.Status.ToString().ToLowerInvariant()}");
            md.AppendLine($"  - {Cell(ReportFormat.Figures(r))}");
        }

        md.AppendLine().AppendLine("## Checklist").AppendLine();
        foreach (var c in report.Checklist)
        {
            md.AppendLine($"- [{(c.Done ? "x" : " ")}] {Cell(c.Text)}{(c.Done ? $" ({Cell(c.By ?? "")}, {ReportFormat.Time(c.At)})" : "")} — {Cell(c.Checklist)}");
        }

        md.AppendLine().AppendLine("## Alerts that fired").AppendLine();
        if (report.AlertsNotWatched is { } why)
        {
            md.AppendLine($"Not known: {Cell(why)}.");
        }
        else if (report.Alerts.Count == 0)
        {
            md.AppendLine("None.");
        }

        foreach (var a in report.Alerts)
        {
            md.AppendLine($"- **{Cell(a.Name)}** ({Cell(a.Severity ?? "no severity")}) {ReportFormat.Time(a.FirstSeen)} – {ReportFormat.Time(a.LastSeen)}{(a.Summary is { } s ? ": " + Cell(s) : "")}");
        }

        md.AppendLine().AppendLine("## Problems").AppendLine();
        if (report.Problems.Count == 0)
        {
            md.AppendLine("None.");
        }

        foreach (var p in report.Problems)
        {
            md.AppendLine($"- {ReportFormat.Time(p.At)} [{p.Kind}] {Cell(p.Text)}");
        }

        if (comparison is not null)
        {
            md.AppendLine().AppendLine($"## Compared with {ReportFormat.Time(comparison.PreviousDate)}").AppendLine();
            foreach (var line in comparison.Lines)
            {
                md.AppendLine($"- {Cell(line)}");
            }
        }

        return md.ToString();
    }

    /// <summary>Scenario and cluster text inside a table cell or list item: no line breaks, no table pipes.</summary>
    private static string Cell(string text) => text.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
}
