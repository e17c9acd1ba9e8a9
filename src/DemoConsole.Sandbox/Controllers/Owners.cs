using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Controllers;

/// <summary>ownerReferences helpers: which objects a controller owns, and the reference it stamps on what it creates.</summary>
internal static class Owners
{
    public static JsonArray ReferenceTo(StoredObject owner) => new(new JsonObject
    {
        ["apiVersion"] = owner.Type.GroupVersion,
        ["kind"] = owner.Type.Kind,
        ["name"] = owner.Name,
        ["uid"] = owner.Uid,
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    });

    public static string? ControllerUid(JsonNode obj) =>
        (obj["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(r => (bool?)r["controller"] == true)?["uid"]?.GetValue<string>();

    public static List<StoredObject> Owned(Cluster cluster, ResourceType type, StoredObject owner) =>
        cluster.Store.List(type, owner.Namespace).Items.Where(o => ControllerUid(o.Node) == owner.Uid).ToList();

    public static long Revision(StoredObject rs) =>
        long.TryParse((string?)rs.Metadata["annotations"]?["deployment.kubernetes.io/revision"], out var r) ? r : 0;
}
