using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DemoConsole.Core.Cluster;

/// <summary>One alert of a PrometheusRule: its expression, how long it must hold, severity, and the threshold when the expression ends in a comparison.</summary>
/// <param name="Threshold">The number the expression compares with ("> 0.05" → 0.05), or null.</param>
/// <param name="ThresholdText">The threshold as people say it: a ratio below 1 of a division reads as a percentage ("5%"), otherwise the number.</param>
public sealed partial record AlertRuleView(string Namespace, string RuleName, string Group, string Alert, string Expr, string? For, string? Severity,
    string? Comparison, double? Threshold, string? ThresholdText, string? Summary)
{
    public static IEnumerable<AlertRuleView> From(CustomObject rule)
    {
        if (Json.Get(rule.Spec, "groups") is not { ValueKind: JsonValueKind.Array } groups)
        {
            yield break;
        }

        foreach (var group in groups.EnumerateArray())
        {
            if (Json.Get(group, "rules") is not { ValueKind: JsonValueKind.Array } rules)
            {
                continue;
            }

            foreach (var r in rules.EnumerateArray())
            {
                var alert = Json.String(r, "alert");
                if (alert is null)
                {
                    continue; // a recording rule, not an alert
                }

                var expr = (Json.String(r, "expr") ?? "").Trim();
                var (comparison, threshold, text) = ThresholdOf(expr);
                yield return new AlertRuleView(rule.Metadata.NamespaceProperty ?? "", rule.Metadata.Name, Json.String(group, "name") ?? "", alert, expr,
                    Json.String(r, "for"), Json.String(r, "labels", "severity"), comparison, threshold, text, Json.String(r, "annotations", "summary"));
            }
        }
    }

    /// <summary>The trailing comparison of a PromQL expression ("... > 0.05").</summary>
    public static (string? Comparison, double? Threshold, string? Text) ThresholdOf(string expr)
    {
        var match = TrailingComparison().Match(expr);
        if (!match.Success || !double.TryParse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return (null, null, null);
        }

        var body = expr[..match.Index];
        var isRatio = value is > 0 and < 1 && body.Contains('/', StringComparison.Ordinal);
        var text = isRatio
            ? (value * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%"
            : value.ToString("0.###", CultureInfo.InvariantCulture);
        return (match.Groups["op"].Value, value, text);
    }

    [GeneratedRegex(@"(?<op>>=|<=|==|!=|>|<)\s*(?:bool\s+)?(?<value>[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*$")]
    private static partial Regex TrailingComparison();
}
