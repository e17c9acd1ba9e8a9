using System.Globalization;
using System.Text.Json.Nodes;

namespace DemoConsole.Sandbox.Store;

/// <summary>
/// Reads an integer from a node whatever it was built from (parsed JSON, an int, a long): JsonValue's typed
/// accessors refuse to widen an int to a long, so every numeric read goes through here.
/// </summary>
internal static class JsonNumber
{
    public static long? Read(JsonNode? node) =>
        node is JsonValue v && long.TryParse(v.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
