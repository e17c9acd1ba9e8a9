using System.Globalization;
using System.Text.Json.Nodes;
using DemoConsole.Core.Messages;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>One object of a manifest file, as JSON ready for server-side apply.</summary>
internal sealed record ManifestObject(string ApiVersion, string Kind, string Name, string Namespace, JsonObject Body)
{
    public string Describe() => $"{Kind}/{Name} in {Namespace}";

    /// <summary>The same as <see cref="Describe"/>, for a message.</summary>
    public UiMessage Text => new("Cluster_ObjectIn", Kind, Name, Namespace);
}

/// <summary>Reads a (multi-document) YAML manifest into objects, typing plain scalars as YAML 1.2 core does.</summary>
internal static class ManifestObjects
{
    /// <summary>The objects; a document without apiVersion, kind or name is an error with its position.</summary>
    public static IReadOnlyList<ManifestObject> Parse(string yaml, string defaultNamespace)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new ManifestFormatException(new UiMessage("Cluster_ManifestNotYaml", e.Message), e);
        }

        var objects = new List<ManifestObject>();
        foreach (var (document, index) in stream.Documents.Select((d, i) => (d, i + 1)))
        {
            if (Convert(document.RootNode) is not JsonObject body)
            {
                continue;
            }

            var apiVersion = (string?)body["apiVersion"];
            var kind = (string?)body["kind"];
            if (body["metadata"] is not JsonObject metadata || (string?)metadata["name"] is not { Length: > 0 } name || apiVersion is null || kind is null)
            {
                throw new ManifestFormatException(new UiMessage("Cluster_ManifestDocumentIncomplete", index));
            }

            var ns = (string?)metadata["namespace"] is { Length: > 0 } declared ? declared : defaultNamespace;
            metadata["namespace"] = ns;
            objects.Add(new ManifestObject(apiVersion, kind, name, ns, body));
        }

        return objects;
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? "", Convert(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
            _ when text.Contains('.', StringComparison.Ordinal) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
            _ => JsonValue.Create(text),
        };
    }
}
