using System.Text.Json.Nodes;

namespace DemoConsole.Sandbox.Api;

/// <summary>
/// fieldSelector: <c>path=value</c>, <c>path==value</c>, <c>path!=value</c>, comma-joined. Paths are read from the
/// object itself (metadata.name, status.phase, involvedObject.uid...), which covers every field a cluster indexes.
/// </summary>
internal sealed class FieldSelector
{
    private readonly List<(string[] Path, string Value, bool Equal)> _terms = [];

    public static FieldSelector Parse(string? text)
    {
        var selector = new FieldSelector();
        if (string.IsNullOrWhiteSpace(text))
        {
            return selector;
        }

        foreach (var term in SplitUnescaped(text))
        {
            var notEqual = term.IndexOf("!=", StringComparison.Ordinal);
            var equal = term.IndexOf('=', StringComparison.Ordinal);
            if (notEqual > 0)
            {
                selector._terms.Add((term[..notEqual].Split('.'), Unescape(term[(notEqual + 2)..]), false));
            }
            else if (equal > 0)
            {
                selector._terms.Add((term[..equal].Split('.'), Unescape(term[(equal + 1)..].TrimStart('=')), true));
            }
            else
            {
                throw Store.ApiException.BadRequest($"invalid selector: '{text}'; can't understand '{term}'");
            }
        }

        return selector;
    }

    public bool Matches(JsonNode obj) => _terms.TrueForAll(t => (Read(obj, t.Path) == t.Value) == t.Equal);

    private static string Read(JsonNode obj, string[] path)
    {
        JsonNode? node = obj;
        foreach (var part in path)
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node switch
        {
            null => "",
            JsonValue v => v.ToString(),
            _ => node.ToJsonString(),
        };
    }

    /// <summary>Splits on commas that are not escaped with a backslash.</summary>
    private static IEnumerable<string> SplitUnescaped(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == ',')
            {
                if (text[start..i].Trim() is { Length: > 0 } term)
                {
                    yield return term;
                }

                start = i + 1;
            }
        }

        if (text[start..].Trim() is { Length: > 0 } last)
        {
            yield return last;
        }
    }

    // kubectl escapes '\', ',' and '=' inside values with a backslash.
    private static string Unescape(string value) =>
        value.Replace("\\,", ",", StringComparison.Ordinal).Replace("\\=", "=", StringComparison.Ordinal)
            .Replace("\\\\", "\\", StringComparison.Ordinal);
}
