using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DemoConsole.Core.Recording;

/// <summary>
/// Takes secrets out of a snapshot before it is written: the console's own secrets (presenter key, viewer token,
/// GitHub token) wherever they appear in a string, the value of every member whose name says it holds one
/// (authorization, cookie, token, password, ...), and the values of key/token parameters in links. A recording is a
/// file people copy and send around; it must be safe to.
/// </summary>
public sealed partial class SecretScrubber
{
    public const string Redacted = "[redacted]";

    private readonly string[] _secrets;

    /// <param name="secrets">Exact values never to write; empty and very short ones are ignored (they would match everywhere).</param>
    public SecretScrubber(IEnumerable<string?> secrets) =>
        _secrets = secrets.Where(s => s is { Length: >= 6 }).Select(s => s!).Distinct(StringComparer.Ordinal).ToArray();

    public static SecretScrubber None { get; } = new([]);

    /// <summary>Scrubs <paramref name="node"/> in place (a string root cannot be replaced in place: scrub its text instead).</summary>
    public void Scrub(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (obj[name] is JsonValue && IsSecretName(name))
                    {
                        obj[name] = Redacted;
                    }
                    else if (Replacement(obj[name]) is { } clean)
                    {
                        obj[name] = clean;
                    }
                    else
                    {
                        Scrub(obj[name]);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Replacement(array[i]) is { } clean)
                    {
                        array[i] = clean;
                    }
                    else
                    {
                        Scrub(array[i]);
                    }
                }

                break;
        }
    }

    /// <summary>The scrubbed text of a string value that holds a secret; null for anything else.</summary>
    private string? Replacement(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && ScrubText(text) is var clean && !ReferenceEquals(clean, text) ? clean : null;

    /// <summary>The text with every known secret and every key/token link parameter replaced.</summary>
    public string ScrubText(string text)
    {
        var result = text;
        foreach (var secret in _secrets)
        {
            if (result.Contains(secret, StringComparison.Ordinal))
            {
                result = result.Replace(secret, Redacted, StringComparison.Ordinal);
            }
        }

        return SecretParameter().IsMatch(result) ? SecretParameter().Replace(result, m => m.Groups["name"].Value + "=" + Redacted) : result;
    }

    private static bool IsSecretName(string name) => SecretName().IsMatch(name);

    [GeneratedRegex(@"^(authorization|cookie|set-cookie|token|access_?token|password|secret|api_?key|presenter_?key|viewer_?token|private_?key)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(?<name>[?&](key|token|access_token|presenter|viewer|sig|signature|apikey|api_key))=(?!\[redacted\])[^&#\s""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretParameter();
}
