using System.Text.Json.Nodes;

namespace DemoConsole.Core.Recording;

/// <summary>
/// JSON Merge Patch (RFC 7386): the change from one snapshot to the next as the members that differ, objects
/// recursively, arrays and values whole, a removed member as null. A recording writes a snapshot as the patch
/// against the previous one of its stream, so a pod list that changed one pod's phase costs that list, not the
/// whole cluster view.
/// </summary>
public static class JsonMergePatch
{
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

    /// <summary>Applies <paramref name="patch"/> to <paramref name="target"/> in place.</summary>
    public static void Apply(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch)
        {
            if (value is null)
            {
                target.Remove(name);
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
