using System.Text.Json.Nodes;

namespace DemoConsole.Sandbox.Store;

/// <summary>
/// One version of one object. <see cref="Node"/> is shared by every reader and must never be mutated:
/// writers take <see cref="MutableCopy"/>, so watchers and lists can serialize without holding the store lock.
/// </summary>
internal sealed record StoredObject(ResourceType Type, string Namespace, string Name, long ResourceVersion, JsonObject Node, byte[] Json)
{
    public JsonObject MutableCopy() => Node.DeepClone().AsObject();

    public JsonObject Metadata => Node["metadata"]!.AsObject();

    public string Uid => (string?)Metadata["uid"] ?? "";

    public bool IsTerminating => Metadata["deletionTimestamp"] is not null;
}

/// <summary>
/// A change as a watch stream reports it: ADDED, MODIFIED, DELETED (BOOKMARK and ERROR are made by the stream).
/// <see cref="Previous"/> (the object before a change or a delete) lets a filtered watch turn "stopped matching the
/// selector" into DELETED, as a cluster does, and a paged list read the objects as they were at its snapshot.
/// </summary>
internal sealed record StoreEvent(string Type, StoredObject Object, StoredObject? Previous = null);
