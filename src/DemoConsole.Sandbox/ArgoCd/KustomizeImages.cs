using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DemoConsole.Sandbox.Api;
using YamlDotNet.Core;

namespace DemoConsole.Sandbox.ArgoCd;

/// <summary>The <c>images:</c> list of a kustomization.yaml, applied to a pod template as kustomize would.</summary>
internal static class KustomizeImages
{
    public sealed record Image(string Name, string? NewName, string? NewTag);

    /// <summary>The images of a kustomization; what kustomize would refuse throws <see cref="KustomizeBuildException"/>.</summary>
    public static IReadOnlyList<Image> Read(string kustomizationYaml)
    {
        JsonObject? document;
        try
        {
            document = YamlJson.ParseDocuments(kustomizationYaml).FirstOrDefault();
        }
        catch (YamlException e)
        {
            throw new KustomizeBuildException($"invalid Kustomization: {e.Message}");
        }

        return (document?["images"] as JsonArray)?.OfType<JsonObject>()
            .Select(i => new Image(Text(i, "name") ?? "", Text(i, "newName"), Text(i, "newTag")))
            .Where(i => i.Name.Length > 0)
            .ToList() ?? [];
    }

    /// <summary>
    /// A tag as <c>kustomize edit set image</c> writes it: quoted when YAML would read it as a number (a short sha of
    /// digits only, <c>8176276</c>, or <c>553640e6</c>) or a boolean, plain otherwise (kubernetes-sigs/kustomize#1303).
    /// </summary>
    public static string TagScalar(string tag) => YamlJson.NeedsQuotes(tag) ? $"\"{tag}\"" : tag;

    /// <summary>
    /// The kustomization with the <c>newTag</c> of an existing <c>images:</c> entry set, as <c>kustomize edit set image
    /// name:tag</c> leaves it; the rest of the text is kept as it was.
    /// </summary>
    public static string SetNewTag(string kustomizationYaml, string imageName, string tag) =>
        Regex.Replace(kustomizationYaml, $@"(- name: {Regex.Escape(imageName)}\n\s+newTag: )\S+", "${1}" + TagScalar(tag));

    /// <summary>
    /// kustomize decodes the file into Go strings: a value YAML reads as a number or a boolean fails the build with
    /// Go's JSON error (kubernetes-sigs/kustomize#4081), which Argo CD passes on.
    /// </summary>
    private static string? Text(JsonObject image, string field) => image[field] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var other => throw new KustomizeBuildException(
            $"invalid Kustomization: json: cannot unmarshal {GoKind(other.GetValueKind())} into Go struct field Image.images.{field} of type string"),
    };

    private static string GoKind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Array => "array",
        _ => "object",
    };

    /// <summary>Rewrites matching container images in a Deployment; returns the images it set (none: unchanged).</summary>
    public static IReadOnlyList<string> Apply(JsonObject deployment, IReadOnlyList<Image> images)
    {
        var set = new List<string>();
        var containers = deployment["spec"]?["template"]?["spec"]?["containers"] as JsonArray ?? [];
        foreach (var container in containers.OfType<JsonObject>())
        {
            var current = (string?)container["image"] ?? "";
            var repository = Repository(current);
            if (images.FirstOrDefault(i => i.Name == repository) is not { } image)
            {
                continue;
            }

            var tag = image.NewTag ?? Tag(current);
            var next = (image.NewName ?? image.Name) + (tag is null ? "" : ":" + tag);
            if (next != current)
            {
                container["image"] = next;
                set.Add(next);
            }
        }

        return set;
    }

    private static string Repository(string image)
    {
        var slash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        return colon > slash ? image[..colon] : image;
    }

    private static string? Tag(string image)
    {
        var slash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        return colon > slash ? image[(colon + 1)..] : null;
    }
}
