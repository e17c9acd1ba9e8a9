using System.Globalization;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Observability;
using Markdig.Extensions.Yaml;
using YamlDotNet.RepresentationModel;

namespace DemoConsole.Core.Scenarios.Parsing;

/// <summary>What the optional YAML front matter says; null members were not given.</summary>
internal sealed record FrontMatter
{
    public string? Title { get; init; }

    /// <summary>The language the scenario is written in (<c>ko</c> or <c>en</c>), when it says.</summary>
    public string? Language { get; init; }

    public double? TargetMinutes { get; init; }

    public double? LimitMinutes { get; init; }

    public int BudgetLine { get; init; } = 1;

    /// <summary>Per-part budgets in minutes by part number, with the line that set each.</summary>
    public IReadOnlyDictionary<int, (double Minutes, int Line)> PartMinutes { get; init; } =
        new Dictionary<int, (double Minutes, int Line)>();

    public ScenarioTargets Targets { get; init; } = new();

    public ScenarioMetrics Metrics { get; init; } = ScenarioMetrics.Default;
}

/// <summary>Reads the front matter block (<c>title</c>, <c>budget</c>, <c>parts</c>, <c>gateway</c>, <c>namespaces</c>, ...).</summary>
internal static class FrontMatterReader
{
    // A message, not a string: every problem of the front matter starts with its name in the reader's language.
    private static readonly UiMessage What = new("Scenario_FrontMatter");

    public static FrontMatter Read(YamlFrontMatterBlock? block, MarkdownSource source, ProblemList problems)
    {
        if (block is null)
        {
            return new FrontMatter();
        }

        var yaml = YamlBlock.TryLoad(block.Lines.ToString(), source.LineOf(block) + 1, What, problems);
        if (yaml is null)
        {
            return new FrontMatter();
        }

        var result = new FrontMatter();
        var targets = new ScenarioTargets();
        foreach (var (key, value, line) in yaml.Entries())
        {
            switch (key)
            {
                case "title":
                    result = result with { Title = RequireScalar(value, key, line, problems) };
                    break;
                case "language":
                    result = result with { Language = ReadLanguage(value, line, problems) };
                    break;
                case "budget":
                    result = ReadBudget(result, yaml, value, line, problems);
                    break;
                case "parts":
                    result = result with { PartMinutes = ReadPartBudgets(yaml, value, line, problems) };
                    break;
                case "targets" when value is YamlMappingNode map:
                    foreach (var (childKey, childValue) in map.Children)
                    {
                        targets = ReadTarget(targets, YamlBlock.Scalar(childKey) ?? "", childValue, yaml.LineOf(childKey), problems);
                    }

                    break;
                case "metrics":
                    result = result with { Metrics = MetricsFrontMatterReader.Read(yaml, value, line, problems) };
                    break;
                case "gateway" or "namespaces" or "applicationNamespace":
                    targets = ReadTarget(targets, key, value, line, problems);
                    break;
                default:
                    problems.Warning(line, new UiMessage("Scenario_FrontUnknownKey", What, key));
                    break;
            }
        }

        return result with { Targets = targets };
    }

    private static string? ReadLanguage(YamlNode value, int line, ProblemList problems)
    {
        var language = RequireScalar(value, "language", line, problems)?.ToLowerInvariant();
        if (language is null || Scenario.Languages.Contains(language))
        {
            return language;
        }

        problems.Error(line, new UiMessage("Scenario_FrontLanguage", What, language, string.Join(", ", Scenario.Languages)));
        return null;
    }

    private static FrontMatter ReadBudget(FrontMatter result, YamlBlock yaml, YamlNode value, int line, ProblemList problems)
    {
        result = result with { BudgetLine = line };
        if (value is YamlScalarNode)
        {
            var minutes = Minutes(value, "budget", line, problems);
            return result with { TargetMinutes = minutes, LimitMinutes = minutes };
        }

        if (value is not YamlMappingNode map)
        {
            problems.Error(line, new UiMessage("Scenario_FrontBudgetShape", What));
            return result;
        }

        foreach (var (key, child) in map.Children)
        {
            var name = YamlBlock.Scalar(key);
            var childLine = yaml.LineOf(key);
            result = name switch
            {
                "target" => result with { TargetMinutes = Minutes(child, "budget.target", childLine, problems) },
                "limit" => result with { LimitMinutes = Minutes(child, "budget.limit", childLine, problems) },
                _ => Unknown(result, $"budget.{name}", childLine, problems),
            };
        }

        if (result.TargetMinutes is { } target && result.LimitMinutes is { } limit && limit < target)
        {
            problems.Error(line, new UiMessage("Scenario_FrontLimitBelowTarget", What, limit, target));
        }

        return result;
    }

    private static Dictionary<int, (double Minutes, int Line)> ReadPartBudgets(YamlBlock yaml, YamlNode value, int line, ProblemList problems)
    {
        var parts = new Dictionary<int, (double Minutes, int Line)>();
        if (value is not YamlMappingNode map)
        {
            problems.Error(line, new UiMessage("Scenario_FrontPartsShape", What));
            return parts;
        }

        foreach (var (key, child) in map.Children)
        {
            var childLine = yaml.LineOf(key);
            if (!int.TryParse(YamlBlock.Scalar(key), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                problems.Error(childLine, new UiMessage("Scenario_FrontPartsKey", What, YamlBlock.Scalar(key) ?? key.ToString()));
                continue;
            }

            if (Minutes(child, $"parts.{number}", childLine, problems) is { } minutes)
            {
                parts[number] = (minutes, childLine);
            }
        }

        return parts;
    }

    private static ScenarioTargets ReadTarget(ScenarioTargets targets, string key, YamlNode value, int line, ProblemList problems)
    {
        switch (key)
        {
            case "gateway":
                var text = RequireScalar(value, key, line, problems);
                if (text is null)
                {
                    return targets;
                }

                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                {
                    return targets with { Gateway = uri };
                }

                problems.Error(line, new UiMessage("Scenario_FrontGateway", What, text));
                return targets;
            case "namespaces":
                var names = value switch
                {
                    YamlSequenceNode sequence => sequence.Children.Select(YamlBlock.Scalar).OfType<string>(),
                    YamlScalarNode scalar => (scalar.Value ?? "").Split(',', StringSplitOptions.TrimEntries),
                    _ => [],
                };
                return targets with { Namespaces = [.. names.Where(n => n.Length > 0)] };
            case "applicationNamespace":
                return targets with { ApplicationNamespace = RequireScalar(value, key, line, problems) };
            default:
                problems.Warning(line, new UiMessage("Scenario_FrontUnknownTarget", What, key));
                return targets;
        }
    }

    private static double? Minutes(YamlNode node, string key, int line, ProblemList problems)
    {
        if (double.TryParse(YamlBlock.Scalar(node), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var minutes)
            && minutes > 0 && minutes < 24 * 60)
        {
            return minutes;
        }

        problems.Error(line, new UiMessage("Scenario_FrontMinutes", What, key));
        return null;
    }

    private static string? RequireScalar(YamlNode node, string key, int line, ProblemList problems)
    {
        var value = YamlBlock.Scalar(node)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            problems.Error(line, new UiMessage("Scenario_FrontSingleValue", What, key));
            return null;
        }

        return value;
    }

    private static FrontMatter Unknown(FrontMatter result, string key, int line, ProblemList problems)
    {
        problems.Warning(line, new UiMessage("Scenario_UnknownKeyIgnored", What, key));
        return result;
    }
}
