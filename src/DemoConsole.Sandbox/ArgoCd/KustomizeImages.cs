using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Api;

namespace DemoConsole.Sandbox.ArgoCd;

/// <summary>The <c>images:</c> list of a kustomization.yaml, applied to a pod template as kustomize would.</summary>
internal static class KustomizeImages
{
    public sealed record Image(string Name, string? NewName, string? NewTag);

    public static IReadOnlyList<Image> Read(string kustomizationYaml)
    {
        var document = YamlJson.ParseDocuments(kustomizationYaml).FirstOrDefault();
        return (document?["images"] as JsonArray)?.OfType<JsonObject>()
            .Select(i => new Image((string?)i["name"] ?? "", (string?)i["newName"], (string?)i["newTag"]))
            .Where(i => i.Name.Length > 0)
            .ToList() ?? [];
    }

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
