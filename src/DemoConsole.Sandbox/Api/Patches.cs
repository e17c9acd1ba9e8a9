using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Api;

/// <summary>
/// The PATCH flavours clients send: JSON merge patch (kubectl scale), strategic merge patch (rollout restart,
/// client-side apply), JSON patch (rollout undo) and server-side apply (a whole object merged onto the live one).
/// </summary>
internal static class Patches
{
    public static void Apply(string contentType, JsonObject target, JsonNode patch)
    {
        var mediaType = contentType.Split(';')[0].Trim();
        switch (mediaType)
        {
            case "application/json-patch+json":
                JsonPatch(target, patch as JsonArray ?? throw ApiException.BadRequest("json patch must be an array"));
                break;
            case "application/merge-patch+json":
                MergeInto(target, patch.AsObject(), strategic: false);
                break;
            case "application/strategic-merge-patch+json":
            case "application/apply-patch+yaml":
            case "application/apply-patch+cbor":
                MergeInto(target, patch.AsObject(), strategic: true);
                break;
            default:
                throw new ApiException(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json (got {mediaType})");
        }
    }

    /// <summary>RFC 7386, plus (when strategic) lists of named objects merged by name and $-directives dropped.</summary>
    public static void MergeInto(JsonObject target, JsonObject patch, bool strategic)
    {
        foreach (var (key, value) in patch.ToList())
        {
            if (strategic && key.StartsWith('$'))
            {
                continue;
            }

            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject patchObject && target[key] is JsonObject targetObject)
            {
                MergeInto(targetObject, patchObject, strategic);
            }
            else if (strategic && value is JsonArray patchList && target[key] is JsonArray targetList && IsNamedList(patchList))
            {
                MergeNamedList(targetList, patchList);
            }
            else
            {
                target[key] = StripDirectives(value.DeepClone());
            }
        }
    }

    private static bool IsNamedList(JsonArray list) =>
        list.Count > 0 && list.All(i => i is JsonObject o && o["name"] is JsonValue);

    private static void MergeNamedList(JsonArray target, JsonArray patch)
    {
        foreach (var item in patch.OfType<JsonObject>())
        {
            var name = (string?)item["name"];
            var existing = target.OfType<JsonObject>().FirstOrDefault(t => (string?)t["name"] == name);
            if (existing is null)
            {
                target.Add(StripDirectives(item.DeepClone()));
            }
            else if ((string?)item["$patch"] == "delete")
            {
                target.Remove(existing);
            }
            else
            {
                MergeInto(existing, item, strategic: true);
            }
        }
    }

    private static JsonNode StripDirectives(JsonNode node)
    {
        if (node is JsonObject o)
        {
            foreach (var key in o.Select(kv => kv.Key).Where(k => k.StartsWith('$')).ToList())
            {
                o.Remove(key);
            }

            foreach (var (_, child) in o)
            {
                if (child is not null)
                {
                    StripDirectives(child);
                }
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a)
            {
                if (child is not null)
                {
                    StripDirectives(child);
                }
            }
        }

        return node;
    }

    /// <summary>RFC 6902 add/replace/remove/test (what kubectl rollout undo and annotate --overwrite send).</summary>
    private static void JsonPatch(JsonObject target, JsonArray operations)
    {
        foreach (var op in operations.OfType<JsonObject>())
        {
            var path = ((string?)op["path"] ?? "").Split('/').Skip(1)
                .Select(p => p.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
            if (path.Length == 0)
            {
                throw ApiException.BadRequest("json patch path must not be empty");
            }

            var parent = Navigate(target, path[..^1]);
            var last = path[^1];
            var value = op["value"]?.DeepClone();
            switch ((string?)op["op"])
            {
                case "add" when parent is JsonArray array:
                    if (last == "-")
                    {
                        array.Add(value);
                    }
                    else
                    {
                        array.Insert(int.Parse(last, System.Globalization.CultureInfo.InvariantCulture), value);
                    }

                    break;
                case "add" or "replace" when parent is JsonObject obj:
                    obj[last] = value;
                    break;
                case "replace" when parent is JsonArray array:
                    array[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)] = value;
                    break;
                case "remove" when parent is JsonObject obj:
                    obj.Remove(last);
                    break;
                case "remove" when parent is JsonArray array:
                    array.RemoveAt(int.Parse(last, System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case "test":
                    var actual = parent is JsonObject o ? o[last] : null;
                    if (!JsonNode.DeepEquals(actual, value))
                    {
                        throw new ApiException(422, "Invalid", $"the server rejected our request due to an error in our request: test failed at {op["path"]}");
                    }

                    break;
                default:
                    throw ApiException.BadRequest($"unsupported json patch operation {op.ToJsonString()}");
            }
        }
    }

    private static JsonNode Navigate(JsonObject root, string[] path)
    {
        JsonNode current = root;
        foreach (var part in path)
        {
            current = current switch
            {
                JsonObject o => o[part] ?? (o[part] = new JsonObject()),
                JsonArray a => a[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)]
                    ?? throw ApiException.BadRequest($"json patch path {part} not found"),
                _ => throw ApiException.BadRequest($"json patch path {part} not found"),
            };
        }

        return current;
    }
}
