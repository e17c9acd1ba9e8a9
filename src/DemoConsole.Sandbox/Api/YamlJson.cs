using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace DemoConsole.Sandbox.Api;

/// <summary>YAML → JSON nodes, for apply-patch bodies and the world's manifests (multi-document files allowed).</summary>
internal static partial class YamlJson
{
    public static IEnumerable<JsonObject> ParseDocuments(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        foreach (var document in stream.Documents)
        {
            if (Convert(document.RootNode) is JsonObject o)
            {
                yield return o;
            }
        }
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? "", Convert(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted
            or YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded)
        {
            return JsonValue.Create(text);
        }

        return Plain(text);
    }

    /// <summary>
    /// What an unquoted scalar means under YAML 1.2's core schema, as the Go YAML readers of kubectl and kustomize
    /// take it: null, a boolean, an integer, a float (<c>553640e6</c> too), otherwise a string.
    /// </summary>
    public static JsonValue? Plain(string text) => text switch
    {
        "" or "~" or "null" or "Null" or "NULL" => null,
        "true" or "True" or "TRUE" => JsonValue.Create(true),
        "false" or "False" or "FALSE" => JsonValue.Create(false),
        _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
        _ when Float().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => JsonValue.Create(d),
        _ => JsonValue.Create(text),
    };

    /// <summary>Whether a string written unquoted would read back as something else (a number, a boolean, null).</summary>
    public static bool NeedsQuotes(string text) => Plain(text) is not { } value || value.GetValueKind() != System.Text.Json.JsonValueKind.String;

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
