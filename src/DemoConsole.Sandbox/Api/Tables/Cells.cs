using System.Globalization;
using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Api.Tables;

/// <summary>Small readers shared by the column sets.</summary>
internal static class Cells
{
    public static TableColumn Name() => new("Name", "string", (o, _) => (string?)o["metadata"]?["name"], Format: "name");

    public static TableColumn Age() => new("Age", "string", (o, now) => Age(o["metadata"]?["creationTimestamp"], now));

    public static string Age(JsonNode? timestamp, DateTimeOffset now) =>
        Rfc3339.Parse(timestamp) is DateTimeOffset t ? HumanDuration.Format(now - t) : "<unknown>";

    public static long Int(JsonNode? node) => JsonNumber.Read(node) ?? 0;

    public static string Text(JsonNode? node) => node is JsonValue v ? v.ToString() : "";

    public static IEnumerable<JsonObject> Objects(JsonNode? array) =>
        array is JsonArray a ? a.OfType<JsonObject>() : [];

    public static string SelectorText(JsonNode? selector)
    {
        if (selector?["matchLabels"] is not JsonObject labels || labels.Count == 0)
        {
            return "<none>";
        }

        return string.Join(",", labels.Select(kv => $"{kv.Key}={(string?)kv.Value}"));
    }

    public static string Join(IEnumerable<string> parts, string empty = "<none>")
    {
        var text = string.Join(",", parts);
        return text.Length == 0 ? empty : text;
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
