using System.Text.RegularExpressions;

namespace DemoConsole.Core.Pipeline;

/// <summary>Finds the image tag a CD commit set, from the added lines of its diff (kustomize newTag, an image: line, or a Helm tag:).</summary>
internal static partial class ImageTags
{
    public static string? FromPatches(IEnumerable<string?> patches)
    {
        foreach (var patch in patches)
        {
            foreach (var line in (patch ?? "").Split('\n'))
            {
                if (Added().Match(line) is { Success: true } m)
                {
                    return m.Groups["tag"].Value;
                }
            }
        }

        return null;
    }

    [GeneratedRegex("""^\+\s*(?:-\s*)?(?:newTag:\s*"?(?<tag>[\w.\-]+)"?|image:\s*"?[^\s"]+:(?<tag>[\w.\-]+)"?|tag:\s*"?(?<tag>[\w.\-]+)"?)\s*$""")]
    private static partial Regex Added();
}
