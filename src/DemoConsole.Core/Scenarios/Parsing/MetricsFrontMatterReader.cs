using System.Globalization;
using DemoConsole.Core.Load;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Observability;
using YamlDotNet.RepresentationModel;

namespace DemoConsole.Core.Scenarios.Parsing;

/// <summary>
/// Reads the front matter's <c>metrics:</c> map: <c>queries</c> (overrides by name), <c>thresholds</c>, <c>namespace</c>,
/// <c>rateWindow</c> and <c>refresh</c>. A query override that cannot be PromQL is an error on its own line, so
/// <c>check</c> catches it before the stage does.
/// </summary>
internal static class MetricsFrontMatterReader
{
    // A message, not a string: every problem of the front matter starts with its name in the reader's language.
    private static readonly UiMessage What = new("Scenario_FrontMatter");

    public static ScenarioMetrics Read(YamlBlock yaml, YamlNode value, int line, ProblemList problems)
    {
        var metrics = ScenarioMetrics.Default;
        if (value is not YamlMappingNode map)
        {
            problems.Error(line, new UiMessage("Scenario_MetricsShape", What));
            return metrics;
        }

        foreach (var (keyNode, child) in map.Children)
        {
            var key = YamlBlock.Scalar(keyNode) ?? "";
            var keyLine = yaml.LineOf(keyNode);
            metrics = key switch
            {
                "queries" => metrics with { Queries = ReadQueries(yaml, child, keyLine, problems) },
                "thresholds" => metrics with { Thresholds = ReadThresholds(yaml, child, keyLine, problems) },
                "namespace" => metrics with { Namespace = YamlBlock.Scalar(child)?.Trim() },
                "rateWindow" => Duration(child, key, keyLine, problems) is { } window ? metrics with { RateWindow = window } : metrics,
                "refresh" => Duration(child, key, keyLine, problems) is { } refresh ? metrics with { Refresh = refresh } : metrics,
                _ => Unknown(metrics, $"metrics.{key}", keyLine, problems),
            };
        }

        return metrics;
    }

    private static Dictionary<string, string> ReadQueries(YamlBlock yaml, YamlNode node, int line, ProblemList problems)
    {
        var queries = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is not YamlMappingNode map)
        {
            problems.Error(line, new UiMessage("Scenario_MetricsQueriesShape", What));
            return queries;
        }

        foreach (var (keyNode, child) in map.Children)
        {
            var name = YamlBlock.Scalar(keyNode) ?? "";
            var queryLine = yaml.LineOf(keyNode);
            if (!MetricQueries.Defaults.ContainsKey(name))
            {
                problems.Warning(queryLine, new UiMessage("Scenario_MetricsUnknownQuery", What, name, string.Join(", ", MetricQueries.Defaults.Keys.Order(StringComparer.Ordinal))));
                continue;
            }

            var text = YamlBlock.Scalar(child) ?? "";
            if (MetricQueries.SyntaxProblem(text) is { } problem)
            {
                problems.Error(queryLine, new UiMessage("Scenario_MetricsInvalidQuery", What, name, problem));
                continue;
            }

            queries[name] = text.Trim();
        }

        return queries;
    }

    private static MetricsThresholds ReadThresholds(YamlBlock yaml, YamlNode node, int line, ProblemList problems)
    {
        var thresholds = new MetricsThresholds();
        if (node is not YamlMappingNode map)
        {
            problems.Error(line, new UiMessage("Scenario_MetricsThresholdsShape", What));
            return thresholds;
        }

        foreach (var (keyNode, child) in map.Children)
        {
            var name = YamlBlock.Scalar(keyNode) ?? "";
            var childLine = yaml.LineOf(keyNode);
            thresholds = name switch
            {
                "p95" => Limit(child, name, childLine, thresholds.LatencyP95, problems) is { } t ? thresholds with { LatencyP95 = t } : thresholds,
                "p99" => Limit(child, name, childLine, thresholds.LatencyP99, problems) is { } t ? thresholds with { LatencyP99 = t } : thresholds,
                "errors5xx" => Limit(child, name, childLine, thresholds.Errors5xx, problems) is { } t ? thresholds with { Errors5xx = t } : thresholds,
                "errors4xx" => Limit(child, name, childLine, thresholds.Errors4xx, problems) is { } t ? thresholds with { Errors4xx = t } : thresholds,
                "cpu" => Limit(child, name, childLine, thresholds.Cpu, problems) is { } t ? thresholds with { Cpu = t } : thresholds,
                _ => UnknownThreshold(thresholds, name, childLine, problems),
            };
        }

        return thresholds;
    }

    /// <summary><c>p95: 100</c> sets the danger level (caution keeps its ratio); <c>p95: { caution: 50, danger: 100 }</c> sets both.</summary>
    private static Threshold? Limit(YamlNode node, string name, int line, Threshold current, ProblemList problems)
    {
        if (node is YamlScalarNode)
        {
            return Number(node) is { } danger
                ? new Threshold(current.Caution * danger / current.Danger, danger)
                : Invalid(name, line, problems);
        }

        if (node is YamlMappingNode map)
        {
            var caution = current.Caution;
            var danger = current.Danger;
            foreach (var (keyNode, child) in map.Children)
            {
                var value = Number(child);
                switch (YamlBlock.Scalar(keyNode))
                {
                    case "caution" when value is { } c:
                        caution = c;
                        break;
                    case "danger" when value is { } d:
                        danger = d;
                        break;
                    default:
                        return Invalid(name, line, problems);
                }
            }

            if (caution <= danger)
            {
                return new Threshold(caution, danger);
            }

            problems.Error(line, new UiMessage("Scenario_MetricsThresholdOrder", What, name, caution, danger));
            return null;
        }

        return Invalid(name, line, problems);
    }

    private static double? Number(YamlNode node) =>
        double.TryParse(YamlBlock.Scalar(node), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= 0
            ? value
            : null;

    private static Threshold? Invalid(string name, int line, ProblemList problems)
    {
        problems.Error(line, new UiMessage("Scenario_MetricsThresholdShape", What, name));
        return null;
    }

    private static TimeSpan? Duration(YamlNode node, string key, int line, ProblemList problems)
    {
        if (DurationText.TryParse(YamlBlock.Scalar(node), out var duration) && duration >= TimeSpan.FromSeconds(1))
        {
            return duration;
        }

        problems.Error(line, new UiMessage("Scenario_MetricsDuration", What, key));
        return null;
    }

    private static MetricsThresholds UnknownThreshold(MetricsThresholds thresholds, string name, int line, ProblemList problems)
    {
        problems.Warning(line, new UiMessage("Scenario_MetricsUnknownThreshold", What, name));
        return thresholds;
    }

    private static ScenarioMetrics Unknown(ScenarioMetrics metrics, string key, int line, ProblemList problems)
    {
        problems.Warning(line, new UiMessage("Scenario_UnknownKeyIgnored", What, key));
        return metrics;
    }
}
