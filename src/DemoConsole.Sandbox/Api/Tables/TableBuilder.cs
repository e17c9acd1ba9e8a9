using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Api.Tables;

/// <summary>
/// Server-side printing (meta.k8s.io/v1 Table): kubectl asks for it on every <c>get</c> and prints the cells as
/// they come, so the columns here are exactly what the audience sees in the terminal.
/// </summary>
internal static class TableBuilder
{
    public const string ContentType = "application/json;as=Table;v=v1;g=meta.k8s.io";

    public static bool IsRequested(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("as=Table", StringComparison.Ordinal);

    public static JsonObject Build(ResourceType type, IEnumerable<StoredObject> objects, long resourceVersion, DateTimeOffset now, bool includeObject) =>
        Build(type, objects, new JsonObject { ["resourceVersion"] = resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) }, now, includeObject);

    /// <summary>A Table with the list's metadata (resourceVersion, and continue and remainingItemCount on a page).</summary>
    public static JsonObject Build(ResourceType type, IEnumerable<StoredObject> objects, JsonObject listMeta, DateTimeOffset now, bool includeObject)
    {
        var columns = ColumnSets.For(type);
        var rows = new JsonArray();
        foreach (var o in objects)
        {
            var cells = new JsonArray(columns.Select(c => c.Cell(o.Node, now)).ToArray());
            rows.Add(new JsonObject
            {
                ["cells"] = cells,
                ["object"] = includeObject ? o.MutableCopy() : PartialMetadata(o),
            });
        }

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = listMeta,
            ["columnDefinitions"] = new JsonArray(columns.Select(c => (JsonNode)c.Definition()).ToArray()),
            ["rows"] = rows,
        };
    }

    private static JsonObject PartialMetadata(StoredObject o) => new()
    {
        ["kind"] = "PartialObjectMetadata",
        ["apiVersion"] = "meta.k8s.io/v1",
        ["metadata"] = o.Metadata.DeepClone(),
    };
}
