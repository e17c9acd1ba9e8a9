using System.Text.Json;
using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Api.Tables;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Api;

/// <summary>GET on a resource: one object, a list, a watch, or the same as a Table when the client asks for one.</summary>
internal sealed class ResourceReads(Cluster cluster)
{
    public Task GetAsync(HttpContext context, ApiTarget target)
    {
        var stored = cluster.Store.GetRequired(target.Type, target.RequiredNamespace, target.RequiredName);
        if (TableBuilder.IsRequested(context.Request))
        {
            return WriteTableAsync(context, target.Type, [stored], new JsonObject { ["resourceVersion"] = Version(stored.ResourceVersion) });
        }

        return JsonOutput.WriteRawAsync(context, stored.Json);
    }

    public Task ListAsync(HttpContext context, ApiTarget target)
    {
        var query = context.Request.Query;
        var labels = LabelSelector.Parse(query["labelSelector"]);
        var fields = FieldSelector.Parse(query["fieldSelector"]);
        if (QueryParameters.Flag(query, "watch"))
        {
            return WatchAsync(context, target);
        }

        var page = ListPaging.Read(cluster.Store, target.Type, target.Namespace, query, o => labels.Matches(o.Node) && fields.Matches(o.Node),
            filtered: !string.IsNullOrEmpty(query["labelSelector"]) || !string.IsNullOrEmpty(query["fieldSelector"]));
        if (TableBuilder.IsRequested(context.Request))
        {
            return WriteTableAsync(context, target.Type, page.Items, ListMeta(page));
        }

        return WriteListAsync(context, target.Type, page);
    }

    /// <summary>A watch of the collection; a named target (from a /watch/ path) watches just that object.</summary>
    public Task WatchAsync(HttpContext context, ApiTarget target)
    {
        var query = context.Request.Query;
        var labels = LabelSelector.Parse(query["labelSelector"]);
        var fieldText = (string?)query["fieldSelector"];
        if (target.Name is not null)
        {
            fieldText = string.IsNullOrEmpty(fieldText) ? $"metadata.name={target.Name}" : $"{fieldText},metadata.name={target.Name}";
        }

        var collection = target with { Name = null };
        return new WatchStream(cluster, collection, labels, FieldSelector.Parse(fieldText), TableBuilder.IsRequested(context.Request), query["includeObject"] == "Object")
            .RunAsync(context);
    }

    /// <summary>A list's metadata: its resourceVersion, and while pages remain the token and (unfiltered) the count left.</summary>
    private static JsonObject ListMeta(ListPage page)
    {
        var meta = new JsonObject { ["resourceVersion"] = Version(page.ResourceVersion) };
        if (page.Continue is not null)
        {
            meta["continue"] = page.Continue;
        }

        if (page.RemainingItemCount is long remaining)
        {
            meta["remainingItemCount"] = remaining;
        }

        return meta;
    }

    private static string Version(long version) => version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Task WriteTableAsync(HttpContext context, ResourceType type, IReadOnlyList<StoredObject> items, JsonObject listMeta)
    {
        var includeObject = context.Request.Query["includeObject"] == "Object";
        var table = TableBuilder.Build(type, items, listMeta, cluster.Now, includeObject);
        context.Response.ContentType = TableBuilder.ContentType;
        return WriteNodeAsync(context, table, TableBuilder.ContentType);
    }

    private static async Task WriteNodeAsync(HttpContext context, System.Text.Json.Nodes.JsonNode node, string contentType)
    {
        context.Response.ContentType = contentType;
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        node.WriteTo(writer);
        await writer.FlushAsync(context.RequestAborted);
    }

    /// <summary>Writes items from their stored bytes: no re-serialization per list, which keeps list latency flat.</summary>
    private static async Task WriteListAsync(HttpContext context, ResourceType type, ListPage page)
    {
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteString("kind", type.ListKind);
        writer.WriteString("apiVersion", type.GroupVersion);
        writer.WritePropertyName("metadata");
        ListMeta(page).WriteTo(writer);
        writer.WriteStartArray("items");
        foreach (var item in page.Items)
        {
            writer.WriteRawValue(item.Json, skipInputValidation: true);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
