using System.Globalization;
using System.Net;
using System.Text;
using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Reports;

/// <summary>
/// A burst's latency over time as a small SVG line chart: p50 and p99 of the answers that arrived in each second, on
/// one millisecond axis from zero. The report page and the HTML report draw the same picture; it holds numbers only.
/// </summary>
public static class LatencyChart
{
    private const int Width = 360, Height = 90, Left = 44, Bottom = 16, Top = 6;

    /// <summary>The chart, or null when fewer than two seconds had answers (nothing to draw over time).</summary>
    public static string? Svg(LoadFigures load, CultureInfo? language = null)
    {
        var seconds = load.PerSecond.Where(s => s.P50Ms is not null && s.P99Ms is not null).ToList();
        if (seconds.Count < 2)
        {
            return null;
        }

        var first = seconds[0].Second;
        var span = Math.Max(1, seconds[^1].Second - first);
        var top = NiceCeiling(seconds.Max(s => s.P99Ms!.Value));
        double X(int second) => Left + ((second - first) / (double)span * (Width - Left - 4));
        double Y(double ms) => Top + ((1 - (ms / top)) * (Height - Top - Bottom));
        string Line(Func<SecondPoint, double> value) =>
            string.Join(' ', seconds.Select(s => string.Create(CultureInfo.InvariantCulture, $"{X(s.Second):0.#},{Y(value(s)):0.#}")));

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"latency-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(new ReportText(language)["Report_LatencyChartLabel"])}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Y(0):0.#}\" x2=\"{Width - 4}\" y2=\"{Y(0):0.#}\" stroke=\"#888\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Y(0):0.#}\" stroke=\"#888\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{Top + 8}\" font-size=\"10\" text-anchor=\"end\">{top:0.###} ms</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{Y(0):0.#}\" font-size=\"10\" text-anchor=\"end\">0</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{Height - 3}\" font-size=\"10\">{first} s</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - 4}\" y=\"{Height - 3}\" font-size=\"10\" text-anchor=\"end\">{first + span} s</text>");
        svg.Append("<polyline class=\"p99\" fill=\"none\" stroke=\"#c62828\" stroke-width=\"1.5\" points=\"").Append(Line(s => s.P99Ms!.Value)).Append("\"/>");
        svg.Append("<polyline class=\"p50\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"1.5\" points=\"").Append(Line(s => s.P50Ms!.Value)).Append("\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - 4}\" y=\"{Top + 8}\" font-size=\"10\" text-anchor=\"end\"><tspan fill=\"#1565c0\">p50</tspan> <tspan fill=\"#c62828\">p99</tspan></text>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>1, 2 or 5 times a power of ten at or above <paramref name="value"/>: an axis a reader can take in at once.</summary>
    internal static double NiceCeiling(double value)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return new[] { 1, 2, 5, 10 }.Select(m => m * power).First(v => v >= value * 0.999999);
    }
}
