using System.Text.Json;
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
            return WriteTableAsync(context, target.Type, [stored], stored.ResourceVersion);
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

        var (items, version) = cluster.Store.List(target.Type, target.Namespace);
        var selected = items.Where(o => labels.Matches(o.Node) && fields.Matches(o.Node)).ToList();
        if (TableBuilder.IsRequested(context.Request))
        {
            return WriteTableAsync(context, target.Type, selected, version);
        }

        return WriteListAsync(context, target.Type, selected, version);
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

    private Task WriteTableAsync(HttpContext context, ResourceType type, IReadOnlyList<StoredObject> items, long version)
    {
        var includeObject = context.Request.Query["includeObject"] == "Object";
        var table = TableBuilder.Build(type, items, version, cluster.Now, includeObject);
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
    private static async Task WriteListAsync(HttpContext context, ResourceType type, IReadOnlyList<StoredObject> items, long version)
    {
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteString("kind", type.ListKind);
        writer.WriteString("apiVersion", type.GroupVersion);
        writer.WriteStartObject("metadata");
        writer.WriteString("resourceVersion", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteEndObject();
        writer.WriteStartArray("items");
        foreach (var item in items)
        {
            writer.WriteRawValue(item.Json, skipInputValidation: true);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
