using System.Globalization;
using System.Text.RegularExpressions;
using DemoConsole.Sandbox.Metrics;

namespace DemoConsole.Sandbox.Prometheus.Rules;

/// <summary>
/// The part of Prometheus's annotation templates the platform's rules use: <c>{{ $labels.x }}</c>, <c>{{ $value }}</c>
/// and the <c>humanize</c>/<c>humanizePercentage</c> pipes. Anything else is left as written rather than guessed.
/// </summary>
internal static partial class AlertTemplate
{
    public static string Expand(string template, LabelSet labels, double value) =>
        Action().Replace(template, match =>
        {
            var body = match.Groups[1].Value.Trim();
            var parts = body.Split('|', StringSplitOptions.TrimEntries);
            string? text = parts[0] switch
            {
                "$value" => null,
                var p when p.StartsWith("$labels.", StringComparison.Ordinal) => labels.Get(p["$labels.".Length..]),
                _ => match.Value,
            };
            if (text is not null)
            {
                return parts.Length == 1 ? text : match.Value;
            }

            return parts.Length == 1 ? GoFloat.Sample(value) : parts[1] switch
            {
                "humanizePercentage" => (value * 100).ToString("G4", CultureInfo.InvariantCulture) + "%",
                "humanize" => value.ToString("G4", CultureInfo.InvariantCulture),
                _ => match.Value,
            };
        });

    [GeneratedRegex(@"\{\{(.*?)\}\}")]
    private static partial Regex Action();
}
