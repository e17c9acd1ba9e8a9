using System.Globalization;
using System.Text;

namespace DemoConsole.Sandbox.GitHub.Git;

/// <summary>
/// A one-hunk unified diff (common prefix and suffix lines trimmed). Demo commits change one region of a small
/// file, so one hunk is what git would print too.
/// </summary>
internal static class LineDiff
{
    public static (int Additions, int Deletions, string Patch) Compute(string before, string after)
    {
        var a = Lines(before);
        var b = Lines(after);
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        var removed = a[prefix..(a.Length - suffix)];
        var added = b[prefix..(b.Length - suffix)];
        var contextStart = Math.Max(0, prefix - 3);
        var context = a[contextStart..prefix];
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"@@ -{contextStart + 1},{context.Length + removed.Length} +{contextStart + 1},{context.Length + added.Length} @@");
        foreach (var line in context)
        {
            text.Append("\n ").Append(line);
        }

        foreach (var line in removed)
        {
            text.Append("\n-").Append(line);
        }

        foreach (var line in added)
        {
            text.Append("\n+").Append(line);
        }

        return (added.Length, removed.Length, text.ToString());
    }

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');
}
