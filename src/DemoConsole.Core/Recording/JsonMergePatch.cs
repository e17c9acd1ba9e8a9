using System.Text.Json.Nodes;

namespace DemoConsole.Core.Recording;

/// <summary>
/// JSON Merge Patch (RFC 7386) with one extension: the change from one snapshot to the next as the members that
/// differ, objects recursively, values whole, a removed member as null. RFC 7386 replaces a changed array whole; here
/// an array that kept its length is patched by index (<c>{"$items": {"3": patch}}</c>), because the big arrays of our
/// snapshots (pods, workloads, series) mostly change one element at a time: one pod's phase changing would otherwise
/// write every pod again. An array that grew or shrank is patched by splices (<c>{"$splices": [[at, delete, [items]]]}</c>)
/// when that is much smaller: a pod added to the list, or a log tail that dropped its oldest lines and appended new ones.
/// A recording writes each snapshot as the patch against the previous one of its stream.
/// </summary>
public static class JsonMergePatch
{
    /// <summary>The member name of a by-index array patch (no snapshot of ours has a member starting with '$').</summary>
    public const string Items = "$items";

    /// <summary>The member name of a splice patch of an array that changed length.</summary>
    public const string Splices = "$splices";

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
            else if (old is JsonArray oldArray && value is JsonArray newArray)
            {
                if (!JsonNode.DeepEquals(oldArray, newArray))
                {
                    patch[name] = ArrayChange(oldArray, newArray);
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

    /// <summary>The smallest of: the changed elements by index, splices, the whole new array.</summary>
    private static JsonNode ArrayChange(JsonArray before, JsonArray after)
    {
        JsonNode best = after.DeepClone();
        var bestLength = best.ToJsonString().Length;
        foreach (var candidate in new[] { before.Count == after.Count ? ArrayPatch(before, after) : null, SplicePatch(before, after) })
        {
            if (candidate is not null && candidate.ToJsonString().Length is var length && length < bestLength)
            {
                (best, bestLength) = (candidate, length);
            }
        }

        return best;
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

    /// <summary>
    /// Splices that turn <paramref name="before"/> into <paramref name="after"/>: the middle between a common start and end,
    /// or a window that slid (oldest dropped, newest appended); null when the new elements would be half the array or
    /// more (the whole array is as small then).
    /// </summary>
    private static JsonObject? SplicePatch(JsonArray before, JsonArray after)
    {
        var prefix = 0;
        while (prefix < before.Count && prefix < after.Count && JsonNode.DeepEquals(before[prefix], after[prefix]))
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < before.Count - prefix && suffix < after.Count - prefix
               && JsonNode.DeepEquals(before[before.Count - 1 - suffix], after[after.Count - 1 - suffix]))
        {
            suffix++;
        }

        var middle = after.Count - prefix - suffix;
        var shift = after.Count > 0 ? SlideOf(before, after) : -1;
        var appended = shift >= 0 ? after.Count - (before.Count - shift) : int.MaxValue;
        if (Math.Min(middle, appended) * 2 >= after.Count)
        {
            return null;
        }

        var splices = appended < middle
            ? new JsonArray(Splice(0, shift, []), Splice(before.Count - shift, 0, after.Skip(before.Count - shift)))
            : new JsonArray(Splice(prefix, before.Count - prefix - suffix, after.Skip(prefix).Take(middle)));
        return new JsonObject { [Splices] = splices };
    }

    /// <summary>How many elements dropped off the front if <paramref name="after"/> is <paramref name="before"/> slid along; -1 if it is not.</summary>
    private static int SlideOf(JsonArray before, JsonArray after)
    {
        for (var k = 1; k < before.Count; k++)
        {
            var kept = before.Count - k;
            if (kept <= after.Count && JsonNode.DeepEquals(before[k], after[0])
                && Enumerable.Range(1, kept - 1).All(i => JsonNode.DeepEquals(before[k + i], after[i])))
            {
                return k;
            }
        }

        return -1;
    }

    private static JsonArray Splice(int at, int delete, IEnumerable<JsonNode?> insert) =>
        new(at, delete, new JsonArray(insert.Select(n => n?.DeepClone()).ToArray()));

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
            else if (value is JsonObject { Count: 1 } spliced && spliced[Splices] is JsonArray splices && target[name] is JsonArray list)
            {
                foreach (var splice in splices.OfType<JsonArray>())
                {
                    var at = splice[0]!.GetValue<int>();
                    for (var n = splice[1]!.GetValue<int>(); n > 0; n--)
                    {
                        list.RemoveAt(at);
                    }

                    foreach (var item in splice[2]!.AsArray().Reverse())
                    {
                        list.Insert(at, item?.DeepClone());
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
