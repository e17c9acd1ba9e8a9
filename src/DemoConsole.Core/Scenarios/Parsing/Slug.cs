using System.Text;

namespace DemoConsole.Core.Scenarios.Parsing;

/// <summary>URL-friendly ids from titles. Letters of any script are kept, so Korean titles give readable ids.</summary>
internal static class Slug
{
    public static string From(string text, string fallback)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }

            if (builder.Length >= 60)
            {
                break;
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? fallback : slug;
    }
}

/// <summary>Hands out ids, suffixing "-2", "-3" when a title repeats, so ids stay unique within a list.</summary>
internal sealed class UniqueIds
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public string Claim(string id)
    {
        var candidate = id;
        for (var n = 2; !_used.Add(candidate); n++)
        {
            candidate = $"{id}-{n}";
        }

        return candidate;
    }
}
