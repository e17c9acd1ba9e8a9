using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Actions.Kinds;

namespace DemoConsole.Core.Recording;

/// <summary>
/// Writes an <see cref="IActionResult"/> as <c>{"type": "LoadSnapshot", "value": {...}}</c> and reads it back as that
/// type. Only the result types of the action kind catalog are read, so a file cannot make the console build an
/// arbitrary type; an unknown name reads as no result.
/// </summary>
internal sealed class ActionResultJsonConverter : JsonConverter<IActionResult>
{
    private static readonly FrozenDictionary<string, Type> Types = ActionKindCatalog.All
        .Select(k => k.ResultType).Distinct().ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    public override IActionResult? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("type", out var name)
            || !root.TryGetProperty("value", out var value)
            || name.GetString() is not { } typeName
            || !Types.TryGetValue(typeName, out var type))
        {
            return null;
        }

        return value.Deserialize(type, options) as IActionResult;
    }

    public override void Write(Utf8JsonWriter writer, IActionResult value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("type", value.GetType().Name);
        writer.WritePropertyName("value");
        JsonSerializer.Serialize(writer, value, value.GetType(), options);
        writer.WriteEndObject();
    }
}
