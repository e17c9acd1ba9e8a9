using System.Globalization;
using System.Text.RegularExpressions;

namespace DemoConsole.Core.Scenarios.Parsing;

/// <summary>
/// The parameters each known action kind reads (documented in docs/scenario-format.md). Problems here are
/// warnings: the author learns about a typo at lint time instead of from a failing button on stage, but a
/// kind that grows a new parameter never makes an existing scenario unloadable.
/// </summary>
internal static partial class ActionParameterRules
{
    private sealed record Rule(string[] Required, string[] Optional);

    // What the load engine reads (src/DemoConsole.Core/Actions/Load/LoadActionPlans.cs); anything else would be ignored.
    private static readonly string[] HttpOptional = ["method", "timeout"];

    private static readonly Dictionary<string, Rule> Rules = new(StringComparer.Ordinal)
    {
        [ActionKinds.LoadBurst] = new(["path"], [.. HttpOptional, "count", "duration", "interval", "rate"]),
        [ActionKinds.RequestSequence] = new(["path", "count", "interval"], HttpOptional),
        [ActionKinds.SteadyTraffic] = new(["path", "interval"], HttpOptional),
        [ActionKinds.PodKill] = new(["deployment"], ["namespace", "pick", "selector", "pod"]),
        [ActionKinds.RolloutRestart] = new(["deployment"], ["namespace"]),
        [ActionKinds.RolloutUndo] = new(["deployment"], ["namespace", "revision"]),
        [ActionKinds.ApplyManifest] = new(["manifest"], ["namespace"]),
        [ActionKinds.DeleteManifest] = new(["manifest"], ["namespace"]),
        [ActionKinds.DemoCommit] = new(["file"], ["repository", "branch", "message", "service"]),
    };

    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    private static readonly string[] Picks = ["random", "oldest", "newest"];

    public static void Check(
        string kind,
        IReadOnlyDictionary<string, string> parameters,
        IReadOnlyDictionary<string, int> lines,
        int blockLine,
        string what,
        ProblemList problems)
    {
        if (!Rules.TryGetValue(kind, out var rule))
        {
            return;
        }

        int LineOf(string key) => lines.TryGetValue(key.Split('.')[0], out var l) ? l : blockLine;

        foreach (var required in rule.Required.Where(r => !parameters.ContainsKey(r) || parameters[r].Trim().Length == 0))
        {
            problems.Warning(blockLine, $"{what}: {kind} needs '{required}'");
        }

        foreach (var key in lines.Keys.Where(k => !rule.Required.Contains(k) && !rule.Optional.Contains(k)))
        {
            problems.Warning(lines[key], $"{what}: {kind} does not read '{key}' (parameters: {string.Join(", ", rule.Required.Concat(rule.Optional).Distinct())})");
        }

        foreach (var (key, value) in parameters)
        {
            var message = key switch
            {
                "count" or "concurrency" when !IsPositiveInteger(value) => "must be a positive whole number",
                "interval" or "timeout" or "duration" when !TryParseDuration(value, out _) => "must be a duration such as 500ms, 1s or 2m",
                "method" when !Methods.Contains(value.ToUpperInvariant()) => $"must be one of {string.Join(", ", Methods)}",
                "path" when !value.StartsWith('/') => "must start with '/' (it is relative to the gateway)",
                "pick" when !Picks.Contains(value) => $"must be one of {string.Join(", ", Picks)}",
                _ => null,
            };
            if (message is not null)
            {
                problems.Warning(LineOf(key), $"{what}: '{key}: {value}' {message}");
            }
        }
    }

    /// <summary>Parses the durations the format documents: "50ms", "0.5s", "10s", "2m".</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = DurationPattern().Match(text);
        if (!match.Success
            || !double.TryParse(match.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        duration = match.Groups["u"].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(n),
            "s" => TimeSpan.FromSeconds(n),
            _ => TimeSpan.FromMinutes(n),
        };
        return duration > TimeSpan.Zero;
    }

    private static bool IsPositiveInteger(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0;

    [GeneratedRegex(@"^\s*(?<n>\d{1,9}(?:\.\d{1,6})?)\s*(?<u>ms|s|m)\s*$")]
    private static partial Regex DurationPattern();
}
