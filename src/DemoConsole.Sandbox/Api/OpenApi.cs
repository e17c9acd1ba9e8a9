using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Api;

/// <summary>
/// A minimal OpenAPI v3 surface: kubectl create/apply fetch it to learn that the server validates fields itself
/// (the <c>fieldValidation</c> query parameter on PATCH); without it, <c>kubectl apply</c> refuses to run.
/// Schemas are not published: the sandbox accepts any well-formed object, as a permissive cluster would.
/// </summary>
internal static class OpenApi
{
    private const string Hash = "5A1DB0C2";

    public static JsonObject Root() => new()
    {
        ["paths"] = new JsonObject(ResourceTypes.GroupVersions.Select(gv =>
        {
            var path = GroupVersionPath(gv.Group, gv.Version);
            return KeyValuePair.Create(path, (JsonNode?)new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{path}?hash={Hash}" });
        })),
    };

    public static JsonObject? GroupVersion(string path)
    {
        var types = ResourceTypes.All.Where(t => GroupVersionPath(t.Group, t.Version) == path).ToList();
        if (types.Count == 0)
        {
            return null;
        }

        var paths = new JsonObject();
        foreach (var t in types)
        {
            var item = t.Namespaced
                ? $"/{path}/namespaces/{{namespace}}/{t.Plural}/{{name}}"
                : $"/{path}/{t.Plural}/{{name}}";
            paths[item] = new JsonObject
            {
                ["patch"] = new JsonObject
                {
                    ["operationId"] = $"patch{t.Kind}",
                    ["x-kubernetes-action"] = "patch",
                    ["x-kubernetes-group-version-kind"] = new JsonObject { ["group"] = t.Group, ["version"] = t.Version, ["kind"] = t.Kind },
                    ["parameters"] = new JsonArray(
                        Query("dryRun"), Query("fieldManager"), Query("fieldValidation"), Query("force")),
                    ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK" } },
                },
            };
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.4" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = new JsonObject() },
        };
    }

    private static JsonObject Query(string name) => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
    };

    private static string GroupVersionPath(string group, string version) =>
        group.Length == 0 ? $"api/{version}" : $"apis/{group}/{version}";
}
