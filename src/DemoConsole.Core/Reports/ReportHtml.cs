using System.Globalization;
using System.Net;
using System.Text;

namespace DemoConsole.Core.Reports;

/// <summary>
/// The report as one printable HTML page: no script, no outside file (styles inline, the time chart as inline SVG),
/// so it prints and archives as it is. Every text from the scenario or the cluster is HTML-encoded.
/// </summary>
public static class ReportHtml
{
    private const string Style = """
        body { font-family: "Noto Sans KR", "Noto Sans", system-ui, sans-serif; margin: 24px; color: #1b1b1b; }
        h1 { font-size: 1.5rem; margin-bottom: 4px; } h2 { font-size: 1.15rem; margin-top: 24px; border-bottom: 1px solid #ccc; }
        table { border-collapse: collapse; width: 100%; font-size: 0.9rem; } td, th { border-bottom: 1px solid #e0e0e0; padding: 4px 6px; text-align: left; vertical-align: top; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .over { color: #c62828; font-weight: 600; } .ok { color: #2e7d32; } .meta { color: #555; } .figures { font-size: 0.85rem; }
        @media print { body { margin: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
        """;

    public static string Write(SessionReport report, ReportComparison? comparison = null)
    {
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html><html lang=\"ko\"><head><meta charset=\"utf-8\"><title>").Append(E(report.Scenario)).Append(" — report</title><style>")
            .Append(Style).Append("</style></head><body>");
        h.Append("<h1>").Append(E(report.Scenario)).Append(" — run-through report</h1>");
        h.Append("<p class=\"meta\">").Append(E(ReportFormat.Time(report.StartedAt ?? report.GeneratedAt))).Append(" · ").Append(E(report.Source))
            .Append(" · presented by ").Append(E(report.Presenters.Count == 0 ? "—" : string.Join(", ", report.Presenters))).Append("</p>");
        h.Append("<p>Total <b class=\"").Append(report.OverTarget ? "over" : "ok").Append("\">").Append(ReportFormat.Clock(report.TotalSpent))
            .Append("</b> of ").Append(ReportFormat.Clock(report.TotalTarget)).Append(" target (").Append(ReportFormat.Clock(report.TotalLimit)).Append(" limit)</p>");

        h.Append("<h2>Time per part</h2>").Append(PartsChart(report.Parts));
        h.Append("<table><tr><th>Part</th><th>Title</th><th class=\"num\">Spent</th><th class=\"num\">Budget</th></tr>");
        foreach (var p in report.Parts)
        {
            h.Append("<tr").Append(p.Over ? " class=\"over\"" : "").Append("><td>").Append(E(p.Label)).Append("</td><td>").Append(E(p.Title))
                .Append("</td><td class=\"num\">").Append(ReportFormat.Clock(p.Spent)).Append("</td><td class=\"num\">").Append(ReportFormat.Clock(p.Budget)).Append("</td></tr>");
        }

        h.Append("</table>");

        h.Append("<h2>Actions</h2>");
        if (report.Runs.Count == 0)
        {
            h.Append("<p>No action ran.</p>");
        }
        else
        {
            h.Append("<table><tr><th>Time</th><th>Action</th><th>Status</th><th>Figures</th></tr>");
            foreach (var r in report.Runs)
            {
                h.Append("<tr><td>").Append(E(r.StartedAt.ToString("HH:mm:ss", CultureInfo.InvariantCulture))).Append("</td><td><b>").Append(E(r.Title)).Append("</b><br><span class=\"meta\">")
                    .Append(E(r.Kind)).Append(" · ").Append(E(r.StartedBy)).Append("</span></td><td class=\"").Append(r.Status is Actions.ActionRunStatus.Failed or Actions.ActionRunStatus.Refused ? "over" : "")
                    .Append("\">").Append(E(r.Status.ToString().ToLowerInvariant())).Append("</td><td class=\"figures\">").Append(E(ReportFormat.Figures(r)))
                    .Append(r.Load is { } load && LatencyChart.Svg(load) is { } chart ? "<br>" + chart : "").Append("</td></tr>");
            }

            h.Append("</table>");
        }

        h.Append("<h2>Checklist</h2><table>");
        foreach (var c in report.Checklist)
        {
            h.Append("<tr><td>").Append(c.Done ? "☑" : "☐").Append("</td><td>").Append(E(c.Text)).Append("</td><td class=\"meta\">").Append(E(c.Checklist))
                .Append("</td><td class=\"meta\">").Append(c.Done ? E($"{c.By}, {ReportFormat.Time(c.At)}") : "").Append("</td></tr>");
        }

        h.Append("</table><h2>Alerts that fired</h2>");
        h.Append(report.AlertsNotWatched is { } why ? $"<p>Not known: {E(why)}.</p>" : report.Alerts.Count == 0 ? "<p>None.</p>" : "");
        List(h, report.Alerts.Select(a => $"{a.Name} ({a.Severity ?? "no severity"}) {ReportFormat.Time(a.FirstSeen)} – {ReportFormat.Time(a.LastSeen)}{(a.Summary is { } s ? ": " + s : "")}"));
        h.Append("<h2>Problems</h2>").Append(report.Problems.Count == 0 ? "<p>None.</p>" : "");
        List(h, report.Problems.Select(p => $"{ReportFormat.Time(p.At)} [{p.Kind}] {p.Text}"));
        if (comparison is not null)
        {
            h.Append("<h2>Compared with ").Append(E(ReportFormat.Time(comparison.PreviousDate))).Append("</h2>");
            List(h, comparison.Lines);
        }

        return h.Append("</body></html>").ToString();
    }

    /// <summary>Spent against budget per part as horizontal bars: the budget as an outline, the time spent filled (red when over).</summary>
    private static string PartsChart(IReadOnlyList<PartTime> parts)
    {
        const int row = 26, label = 70, width = 560;
        var max = parts.Select(p => Math.Max(p.Spent.TotalSeconds, p.Budget.TotalSeconds)).DefaultIfEmpty(1).Max();
        max = max <= 0 ? 1 : max;
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{label + width + 80}\" height=\"{parts.Count * row + 8}\" role=\"img\" aria-label=\"Time per part against budget\">");
        foreach (var (p, i) in parts.Select((p, i) => (p, i)))
        {
            var y = i * row + 4;
            var budget = p.Budget.TotalSeconds / max * width;
            var spent = p.Spent.TotalSeconds / max * width;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 15}\" font-size=\"12\">{E(p.Label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{label}\" y=\"{y + 2}\" width=\"{spent:0.#}\" height=\"16\" fill=\"{(p.Over ? "#c62828" : "#1565c0")}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{label}\" y=\"{y}\" width=\"{budget:0.#}\" height=\"20\" fill=\"none\" stroke=\"#555\" stroke-dasharray=\"4 2\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{label + Math.Max(budget, spent) + 6:0.#}\" y=\"{y + 15}\" font-size=\"12\">{ReportFormat.Clock(p.Spent)} / {ReportFormat.Clock(p.Budget)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static void List(StringBuilder h, IEnumerable<string> lines)
    {
        var any = false;
        foreach (var line in lines)
        {
            h.Append(any ? "" : "<ul>").Append("<li>").Append(E(line)).Append("</li>");
            any = true;
        }

        h.Append(any ? "</ul>" : "");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
