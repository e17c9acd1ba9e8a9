using System.Text;
using System.Text.Json.Nodes;

namespace DemoConsole.Sandbox.Controllers;

/// <summary>
/// pod-template-hash: a hash of the pod template in canonical form (sorted keys; nulls and empty values
/// dropped), so a template that made a round trip through a client (kubectl rollout undo re-encodes it from Go
/// structs, adding <c>creationTimestamp: null</c> and <c>resources: {}</c>) hashes the same as the original.
/// </summary>
internal static class TemplateHash
{
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Compute(JsonNode? template)
    {
        var canonical = new StringBuilder();
        Write(Without(template?.DeepClone(), "pod-template-hash"), canonical);
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(canonical.ToString()))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        var text = new StringBuilder();
        for (var i = 0; i < 10; i++)
        {
            text.Append(Alphabet[(int)(hash % (ulong)Alphabet.Length)]);
            hash /= (ulong)Alphabet.Length;
        }

        return text.ToString();
    }

    private static JsonNode? Without(JsonNode? template, string label)
    {
        (template?["metadata"]?["labels"] as JsonObject)?.Remove(label);
        return template;
    }

    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonObject o => o.All(kv => IsEmpty(kv.Value)),
        JsonArray a => a.Count == 0,
        _ => false,
    };

    private static void Write(JsonNode? node, StringBuilder output)
    {
        switch (node)
        {
            case JsonObject o:
                output.Append('{');
                foreach (var (key, value) in o.Where(kv => !IsEmpty(kv.Value)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    output.Append(key).Append(':');
                    Write(value, output);
                    output.Append(',');
                }

                output.Append('}');
                break;
            case JsonArray a:
                output.Append('[');
                foreach (var item in a)
                {
                    Write(item, output);
                    output.Append(',');
                }

                output.Append(']');
                break;
            default:
                output.Append(node?.ToJsonString());
                break;
        }
    }
}
