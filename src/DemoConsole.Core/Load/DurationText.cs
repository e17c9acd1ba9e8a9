using System.Globalization;

namespace DemoConsole.Core.Load;

/// <summary>Durations written like <c>10s</c>, <c>500ms</c>, <c>1.5m</c> or <c>1h</c>, as wrk and hey take them.</summary>
public static class DurationText
{
    private static readonly (string Suffix, double Seconds)[] Units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];

    /// <summary>Parses <paramref name="text"/>; a bare number is refused because its unit would be a guess.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        foreach (var (suffix, seconds) in Units)
        {
            if (trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(trimmed.AsSpan(0, trimmed.Length - suffix.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && double.IsFinite(value)
                && Math.Abs(value * seconds) < TimeSpan.MaxValue.TotalSeconds / 2)
            {
                duration = TimeSpan.FromSeconds(value * seconds);
                return true;
            }
        }

        return false;
    }

    /// <summary>For example <c>1.5 s</c> or <c>12.3 ms</c>.</summary>
    public static string Format(TimeSpan duration) => duration.TotalSeconds >= 1
        ? duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s"
        : duration.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + " ms";
}
