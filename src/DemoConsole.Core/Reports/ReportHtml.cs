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
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; } td.mark { width: 1.2em; }
        .over { color: #c62828; font-weight: 600; } .ok { color: #2e7d32; } .meta { color: #555; } .figures { font-size: 0.85rem; }
        .hidden-word { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
        @media print { body { margin: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
        """;

    // Drawn, not typed: a ☑ glyph needs a symbol font that a printer or a Korean system may lack. The box is the same
    // for every item; the tick is what tells done from open, and a hidden word says it to a screen reader.
    private const string Box = "<rect x=\"1\" y=\"1\" width=\"14\" height=\"14\" rx=\"2\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.5\"/>";
    private const string Tick = "<path d=\"M4 8.5l3 3 5-7\" fill=\"none\" stroke=\"#2e7d32\" stroke-width=\"2.2\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>";

    /// <param name="language">The language of the report's words; the current UI language when null.</param>
    public static string Write(SessionReport report, ReportComparison? comparison = null, CultureInfo? language = null)
    {
        var t = new ReportText(language);
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html><html lang=\"").Append(E(t.Language.TwoLetterISOLanguageName)).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(E(t["Report_PageTitle", report.Scenario])).Append("</title><style>").Append(Style).Append("</style></head><body>");
        h.Append("<h1>").Append(E(t["Report_Heading", report.Scenario])).Append("</h1>");
        h.Append("<p class=\"meta\">").Append(E(ReportFormat.Time(report.StartedAt ?? report.GeneratedAt))).Append(" · ").Append(E(report.Source))
            .Append(" · ").Append(E(t["Report_PresentedBy", report.Presenters.Count == 0 ? "—" : string.Join(", ", report.Presenters)])).Append("</p>");
        h.Append("<p class=\"").Append(report.OverTarget ? "over" : "ok").Append("\">")
            .Append(E(t["Report_Total", ReportFormat.Clock(report.TotalSpent), ReportFormat.Clock(report.TotalTarget), ReportFormat.Clock(report.TotalLimit)]))
            .Append(report.OverTarget ? " — " + E(t["Report_OverTarget"]) : "").Append("</p>");

        h.Append("<h2>").Append(E(t["Report_TimePerPart"])).Append("</h2>").Append(PartsChart(report.Parts, t));
        h.Append("<table><tr><th>").Append(E(t["Report_Part"])).Append("</th><th>").Append(E(t["Report_TitleColumn"])).Append("</th><th class=\"num\">")
            .Append(E(t["Report_Spent"])).Append("</th><th class=\"num\">").Append(E(t["Report_Budget"])).Append("</th></tr>");
        foreach (var p in report.Parts)
        {
            h.Append("<tr").Append(p.Over ? " class=\"over\"" : "").Append("><td>").Append(E(p.Label)).Append("</td><td>").Append(E(p.Title))
                .Append("</td><td class=\"num\">").Append(ReportFormat.Clock(p.Spent)).Append("</td><td class=\"num\">").Append(ReportFormat.Clock(p.Budget)).Append("</td></tr>");
        }

        h.Append("</table>");

        h.Append("<h2>").Append(E(t["Report_Actions"])).Append("</h2>");
        if (report.Runs.Count == 0)
        {
            h.Append("<p>").Append(E(t["Report_NoAction"])).Append("</p>");
        }
        else
        {
            h.Append("<table><tr><th>").Append(E(t["Report_TimeColumn"])).Append("</th><th>").Append(E(t["Report_ActionColumn"])).Append("</th><th>")
                .Append(E(t["Report_StatusColumn"])).Append("</th><th>").Append(E(t["Report_FiguresColumn"])).Append("</th></tr>");
            foreach (var r in report.Runs)
            {
                h.Append("<tr><td>").Append(E(r.StartedAt.ToString("HH:mm:ss", CultureInfo.InvariantCulture))).Append("</td><td><b>").Append(E(r.Title)).Append("</b><br><span class=\"meta\">")
                    .Append(E(r.Kind)).Append(" · ").Append(E(r.StartedBy)).Append("</span></td><td class=\"").Append(r.Status is Actions.ActionRunStatus.Failed or Actions.ActionRunStatus.Refused ? "over" : "")
                    .Append("\">").Append(E(t.Status(r.Status))).Append("</td><td class=\"figures\">").Append(E(ReportFormat.Figures(r, t.Language)))
                    .Append(r.Load is { } load && LatencyChart.Svg(load, t.Language) is { } chart ? "<br>" + chart : "").Append("</td></tr>");
            }

            h.Append("</table>");
        }

        h.Append("<h2>").Append(E(t["Report_Checklist"])).Append("</h2><table>");
        foreach (var c in report.Checklist)
        {
            h.Append("<tr><td class=\"mark\">").Append(Mark(c.Done, t)).Append("</td><td>").Append(E(c.Text)).Append("</td><td class=\"meta\">").Append(E(c.Checklist))
                .Append("</td><td class=\"meta\">").Append(c.Done ? E($"{c.By}, {ReportFormat.Time(c.At)}") : "").Append("</td></tr>");
        }

        h.Append("</table><h2>").Append(E(t["Report_Alerts"])).Append("</h2>");
        h.Append(t.AlertsNotWatched(report) is { } why ? $"<p>{E(t["Report_NotKnown", why])}</p>" : report.Alerts.Count == 0 ? $"<p>{E(t["Report_None"])}</p>" : "");
        List(h, report.Alerts.Select(a => $"{a.Name} ({a.Severity ?? t["Report_NoSeverity"]}) {ReportFormat.Time(a.FirstSeen)} – {ReportFormat.Time(a.LastSeen)}{(a.Summary is { } s ? ": " + s : "")}"));
        h.Append("<h2>").Append(E(t["Report_Problems"])).Append("</h2>").Append(report.Problems.Count == 0 ? $"<p>{E(t["Report_None"])}</p>" : "");
        List(h, report.Problems.Select(p => $"{ReportFormat.Time(p.At)} [{t.Kind(p.Kind)}] {t.Problem(p)}"));
        if (comparison is not null)
        {
            h.Append("<h2>").Append(E(t["Report_ComparedWith", ReportFormat.Time(comparison.PreviousDate)])).Append("</h2>");
            List(h, comparison.LinesIn(t.Language));
        }

        return h.Append("</body></html>").ToString();
    }

    /// <summary>A checklist item's mark: an outlined box, ticked when done, with the state as a word for screen readers.</summary>
    private static string Mark(bool done, ReportText t) =>
        $"<svg class=\"check-mark\" xmlns=\"http://www.w3.org/2000/svg\" width=\"16\" height=\"16\" viewBox=\"0 0 16 16\" aria-hidden=\"true\">{Box}{(done ? Tick : "")}</svg>"
        + $"<span class=\"hidden-word\">{E(t[done ? "Report_Done" : "Report_NotDone"])}</span>";

    /// <summary>Spent against budget per part as horizontal bars: the budget as an outline, the time spent filled (red when over).</summary>
    private static string PartsChart(IReadOnlyList<PartTime> parts, ReportText t)
    {
        const int row = 26, label = 70, width = 560;
        var max = parts.Select(p => Math.Max(p.Spent.TotalSeconds, p.Budget.TotalSeconds)).DefaultIfEmpty(1).Max();
        max = max <= 0 ? 1 : max;
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{label + width + 80}\" height=\"{parts.Count * row + 8}\" role=\"img\" aria-label=\"{E(t["Report_PartsChartLabel"])}\">");
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
