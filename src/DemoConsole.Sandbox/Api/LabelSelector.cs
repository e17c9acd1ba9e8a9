using System.Text.Json.Nodes;

namespace DemoConsole.Sandbox.Api;

/// <summary>
/// The labelSelector query language: <c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a in (x,y)</c>, <c>a notin (x)</c>,
/// <c>a</c>, <c>!a</c>, joined by commas. Every requirement must hold.
/// </summary>
internal sealed class LabelSelector
{
    private readonly List<Func<IReadOnlyDictionary<string, string>, bool>> _requirements = [];

    public static readonly LabelSelector Everything = new();

    public static LabelSelector Parse(string? text)
    {
        var selector = new LabelSelector();
        if (string.IsNullOrWhiteSpace(text))
        {
            return selector;
        }

        foreach (var raw in SplitTopLevel(text))
        {
            selector._requirements.Add(ParseRequirement(raw.Trim()));
        }

        return selector;
    }

    /// <summary>A selector from a matchLabels map (deployment and replicaset spec.selector).</summary>
    public static LabelSelector FromMatchLabels(JsonNode? selector)
    {
        var result = new LabelSelector();
        if (selector?["matchLabels"] is JsonObject labels)
        {
            foreach (var (key, value) in labels)
            {
                var expected = (string?)value;
                result._requirements.Add(l => l.TryGetValue(key, out var v) && v == expected);
            }
        }

        return result;
    }

    public bool Matches(JsonNode obj) => Matches(Labels(obj));

    public bool Matches(IReadOnlyDictionary<string, string> labels) => _requirements.TrueForAll(r => r(labels));

    public static Dictionary<string, string> Labels(JsonNode obj)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj["metadata"]?["labels"] is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                labels[key] = (string?)value ?? "";
            }
        }

        return labels;
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseRequirement(string r)
    {
        if (r.StartsWith('!'))
        {
            var key = r[1..].Trim();
            return l => !l.ContainsKey(key);
        }

        var notIn = r.IndexOf(" notin ", StringComparison.Ordinal);
        if (notIn > 0)
        {
            var (key, values) = (r[..notIn].Trim(), SetValues(r[(notIn + 7)..]));
            return l => !l.TryGetValue(key, out var v) || !values.Contains(v);
        }

        var inIndex = r.IndexOf(" in ", StringComparison.Ordinal);
        if (inIndex > 0)
        {
            var (key, values) = (r[..inIndex].Trim(), SetValues(r[(inIndex + 4)..]));
            return l => l.TryGetValue(key, out var v) && values.Contains(v);
        }

        var ne = r.IndexOf("!=", StringComparison.Ordinal);
        if (ne > 0)
        {
            var (key, value) = (r[..ne].Trim(), r[(ne + 2)..].Trim());
            return l => !l.TryGetValue(key, out var v) || v != value;
        }

        var eq = r.IndexOf('=', StringComparison.Ordinal);
        if (eq > 0)
        {
            var key = r[..eq].Trim();
            var value = r[(eq + 1)..].TrimStart('=').Trim();
            return l => l.TryGetValue(key, out var v) && v == value;
        }

        if (r.Length == 0 || r.Contains(' ', StringComparison.Ordinal))
        {
            throw Store.ApiException.BadRequest($"unable to parse requirement: found '{r}', expected: identifier");
        }

        return l => l.ContainsKey(r);
    }

    private static HashSet<string> SetValues(string text) =>
        text.Trim().TrimStart('(').TrimEnd(')').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }
}
