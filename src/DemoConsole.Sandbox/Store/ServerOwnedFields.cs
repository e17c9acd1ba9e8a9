using System.Text.Json.Nodes;

namespace DemoConsole.Sandbox.Store;

/// <summary>
/// The fields of an object that the API server owns whatever the client sent (apiVersion, kind, name, namespace,
/// uid, creationTimestamp, generation), set on a private copy before the <see cref="ResourceStore"/> keeps it.
/// The resourceVersion is the store's to stamp and is not set here.
/// </summary>
internal static class ServerOwnedFields
{
    /// <summary>A deep copy of a new object with its identity fields set; generation 1 when it has a spec.</summary>
    public static JsonObject ForCreate(ResourceType type, string ns, string name, JsonObject obj, DateTimeOffset now)
    {
        var copy = obj.DeepClone().AsObject();
        copy["apiVersion"] = type.GroupVersion;
        copy["kind"] = type.Kind;
        var meta = copy["metadata"]!.AsObject();
        meta["name"] = name;
        if (type.Namespaced)
        {
            meta["namespace"] = ns;
        }
        else
        {
            meta.Remove("namespace");
        }

        meta["uid"] = Guid.NewGuid().ToString();
        meta["creationTimestamp"] ??= Rfc3339.Format(now);
        meta.Remove("resourceVersion");
        if (copy["spec"] is not null)
        {
            meta["generation"] = 1;
        }

        return copy;
    }

    /// <summary>
    /// Puts back the identity fields of <paramref name="current"/> on a changed copy; the generation goes up by one
    /// only when the spec changed.
    /// </summary>
    public static void ForUpdate(ResourceType type, string ns, string name, JsonObject copy, StoredObject current)
    {
        var meta = copy["metadata"] as JsonObject ?? [];
        copy["metadata"] = meta;
        copy["apiVersion"] = type.GroupVersion;
        copy["kind"] = type.Kind;
        meta["name"] = name;
        meta["uid"] = current.Uid;
        meta["creationTimestamp"] = current.Metadata["creationTimestamp"]?.DeepClone();
        if (type.Namespaced)
        {
            meta["namespace"] = ns;
        }

        if (!JsonNode.DeepEquals(copy["spec"], current.Node["spec"]))
        {
            meta["generation"] = (JsonNumber.Read(current.Metadata["generation"]) ?? 0) + 1;
        }
        else
        {
            meta["generation"] = current.Metadata["generation"]?.DeepClone();
        }
    }
}
