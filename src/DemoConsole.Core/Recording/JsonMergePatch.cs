using System.Text.Json.Nodes;

namespace DemoConsole.Core.Recording;

/// <summary>
/// JSON Merge Patch (RFC 7386) with one extension: the change from one snapshot to the next as the members that
/// differ, objects recursively, values whole, a removed member as null. RFC 7386 replaces a changed array whole; here
/// an array that kept its length is patched by index (<c>{"$items": {"3": patch}}</c>), because the big arrays of our
/// snapshots (pods, workloads, series) mostly change one element at a time: one pod's phase changing would otherwise
/// write every pod again. A recording writes each snapshot as the patch against the previous one of its stream.
/// </summary>
public static class JsonMergePatch
{
    /// <summary>The member name of a by-index array patch (no snapshot of ours has a member starting with '$').</summary>
    public const string Items = "$items";

    /// <summary>The patch that turns <paramref name="before"/> into <paramref name="after"/> (both objects); an empty object when equal.</summary>
    public static JsonObject Create(JsonObject before, JsonObject after)
    {
        var patch = new JsonObject();
        foreach (var (name, value) in after)
        {
            if (!before.TryGetPropertyValue(name, out var old))
            {
                patch[name] = value?.DeepClone();
            }
            else if (old is JsonObject oldObject && value is JsonObject newObject)
            {
                var inner = Create(oldObject, newObject);
                if (inner.Count > 0)
                {
                    patch[name] = inner;
                }
            }
            else if (old is JsonArray oldArray && value is JsonArray newArray && oldArray.Count == newArray.Count && oldArray.Count > 0)
            {
                if (ArrayPatch(oldArray, newArray) is { } items)
                {
                    patch[name] = items;
                }
            }
            else if (!JsonNode.DeepEquals(old, value))
            {
                // A null in a patch means "remove", so a member that became null is written as removed: it reads back as
                // absent, which a snapshot deserializes as null.
                patch[name] = value?.DeepClone();
            }
        }

        foreach (var (name, _) in before)
        {
            if (!after.ContainsKey(name))
            {
                patch[name] = null;
            }
        }

        return patch;
    }

    /// <summary>The changed elements by index; null when none changed.</summary>
    private static JsonObject? ArrayPatch(JsonArray before, JsonArray after)
    {
        var items = new JsonObject();
        for (var i = 0; i < after.Count; i++)
        {
            if (before[i] is JsonObject oldItem && after[i] is JsonObject newItem)
            {
                var inner = Create(oldItem, newItem);
                if (inner.Count > 0)
                {
                    items[i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = inner;
                }
            }
            else if (!JsonNode.DeepEquals(before[i], after[i]))
            {
                // A value element (a number, a string, a nested array) is written whole, wrapped so that a null reads as null.
                items[i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonArray(after[i]?.DeepClone());
            }
        }

        return items.Count == 0 ? null : new JsonObject { [Items] = items };
    }

    /// <summary>Applies <paramref name="patch"/> to <paramref name="target"/> in place.</summary>
    public static void Apply(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch)
        {
            if (value is null)
            {
                target.Remove(name);
            }
            else if (value is JsonObject { Count: 1 } byIndex && byIndex[Items] is JsonObject items && target[name] is JsonArray array)
            {
                foreach (var (index, item) in items)
                {
                    var i = int.Parse(index, System.Globalization.CultureInfo.InvariantCulture);
                    if (item is JsonArray whole)
                    {
                        array[i] = whole[0]?.DeepClone();
                    }
                    else if (item is JsonObject itemPatch && array[i] is JsonObject element)
                    {
                        Apply(element, itemPatch);
                    }
                }
            }
            else if (value is JsonObject inner && target[name] is JsonObject existing)
            {
                Apply(existing, inner);
            }
            else
            {
                target[name] = value.DeepClone();
            }
        }
    }
}
