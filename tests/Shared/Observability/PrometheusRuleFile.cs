using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DemoConsole.Tests.Shared.Observability;

/// <summary>
/// A PrometheusRule object turned into a Prometheus rules file, as the Prometheus Operator does (its <c>spec</c> is the
/// file: <c>groups:</c> …; JSON is YAML). With a time scale below 1 the <c>for:</c> durations, the groups' intervals and
/// the range windows of the expressions shrink by the same factor, as the sandbox's twin evaluates them on its fast clock.
/// </summary>
public static partial class PrometheusRuleFile
{
    public static string From(JsonNode prometheusRule, double timeScale = 1.0)
    {
        var groups = (prometheusRule["spec"]?["groups"] ?? throw new ArgumentException("not a PrometheusRule: no spec.groups", nameof(prometheusRule))).DeepClone();
        if (timeScale != 1.0)
        {
            foreach (var group in groups.AsArray())
            {
                Scale(group!, "interval", timeScale);
                foreach (var rule in group!["rules"]!.AsArray())
                {
                    Scale(rule!, "for", timeScale);
                    if ((string?)rule!["expr"] is { } expr)
                    {
                        rule["expr"] = RangeWindow().Replace(expr, m => $"[{Format(Parse(m.Groups[1].Value) * timeScale)}]");
                    }
                }
            }
        }

        return new JsonObject { ["groups"] = groups }.ToJsonString();
    }

    private static void Scale(JsonNode node, string key, double timeScale)
    {
        if ((string?)node[key] is { } duration)
        {
            node[key] = Format(Parse(duration) * timeScale);
        }
    }

    /// <summary>Prometheus's duration syntax (<c>1h30m</c>, <c>5m</c>, <c>30s</c>, <c>500ms</c>).</summary>
    private static TimeSpan Parse(string text)
    {
        var parts = DurationPart().Matches(text);
        if (parts.Count == 0 || string.Concat(parts.Select(p => p.Value)) != text)
        {
            throw new FormatException($"not a Prometheus duration: '{text}'");
        }

        return parts.Aggregate(TimeSpan.Zero, (sum, p) => sum + double.Parse(p.Groups[1].Value, CultureInfo.InvariantCulture) * p.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(1),
            "s" => TimeSpan.FromSeconds(1),
            "m" => TimeSpan.FromMinutes(1),
            "h" => TimeSpan.FromHours(1),
            "d" => TimeSpan.FromDays(1),
            "w" => TimeSpan.FromDays(7),
            _ => TimeSpan.FromDays(365),
        });
    }

    /// <summary>Whole seconds (a rate window under a second would hold no scrape at all), or milliseconds when shorter.</summary>
    private static string Format(TimeSpan duration) =>
        duration >= TimeSpan.FromSeconds(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{Math.Round(duration.TotalSeconds)}s")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, Math.Round(duration.TotalMilliseconds))}ms");

    [GeneratedRegex(@"\[(\d+(?:ms|[smhdwy])(?:\d+(?:ms|[smhdwy]))*)\]")]
    private static partial Regex RangeWindow();

    [GeneratedRegex(@"(\d+)(ms|[smhdwy])")]
    private static partial Regex DurationPart();
}
