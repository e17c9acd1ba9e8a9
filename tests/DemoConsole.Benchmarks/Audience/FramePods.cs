using System.Text.RegularExpressions;

namespace DemoConsole.Benchmarks.Audience;

/// <summary>What one rendering of the audience view shows in its live pods table: pod → STATUS.</summary>
internal static partial class FramePods
{
    public static IReadOnlyDictionary<string, string> Of(string html) =>
        Row().Matches(html).ToDictionary(m => m.Groups["pod"].Value, m => Status().Match(m.Groups["cells"].Value) is { Success: true } s ? s.Groups[1].Value : "?",
            StringComparer.Ordinal);

    [GeneratedRegex("<tr[^>]*data-pod=\"(?<pod>[^\"]+)\"[^>]*>(?<cells>.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("data-status=\"([^\"]*)\"")]
    private static partial Regex Status();
}
