using System.Globalization;
using System.Text.RegularExpressions;

namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>Prometheus durations: <c>5m</c>, <c>1h30m</c>, <c>600s</c>, <c>250ms</c>, <c>1d</c>, <c>1w</c>, <c>1y</c>.</summary>
internal static partial class Durations
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var parts = Part().Matches(text);
        if (parts.Count == 0 || parts.Sum(m => m.Length) != text.Length)
        {
            return false;
        }

        foreach (Match part in parts)
        {
            var n = long.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            duration += part.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(n),
                "s" => TimeSpan.FromSeconds(n),
                "m" => TimeSpan.FromMinutes(n),
                "h" => TimeSpan.FromHours(n),
                "d" => TimeSpan.FromDays(n),
                "w" => TimeSpan.FromDays(7 * n),
                _ => TimeSpan.FromDays(365 * n),
            };
        }

        return true;
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var duration) ? duration : throw new PromQlException($"not a valid duration string: \"{text}\"");

    /// <summary>Prometheus's own rendering (model.Duration.String): 5m0s is "5m", 90s is "1m30s".</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        var text = "";
        var ms = (long)duration.TotalMilliseconds;
        foreach (var (unit, size) in new[] { ("y", 365L * 86_400_000), ("w", 7L * 86_400_000), ("d", 86_400_000L), ("h", 3_600_000L), ("m", 60_000L), ("s", 1000L), ("ms", 1L) })
        {
            if (ms >= size)
            {
                text += (ms / size).ToString(CultureInfo.InvariantCulture) + unit;
                ms %= size;
            }
        }

        return text;
    }

    [GeneratedRegex(@"(\d+)(ms|s|m|h|d|w|y)")]
    private static partial Regex Part();
}
