using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DemoConsole.Core.Messages;

/// <summary>
/// Stores a <see cref="UiMessage"/> as its key and arguments (<c>{"key":"…","args":[…]}</c>), so that a recorded snapshot
/// replays in whichever language the screen that shows it uses. Numbers stay numbers (a "0.0" format still applies
/// after a replay), a nested message stays a message; any other argument is kept as its invariant text. A plain string
/// (a recording made before messages were keys) reads as that text.
/// </summary>
public sealed class UiMessageJsonConverter : JsonConverter<UiMessage>
{
    public override UiMessage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return FromElement(document.RootElement);
    }

    public override void Write(Utf8JsonWriter writer, UiMessage value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("key", value.Key);
        writer.WriteStartArray("args");
        foreach (var argument in value.Arguments)
        {
            WriteArgument(writer, argument, options);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private void WriteArgument(Utf8JsonWriter writer, object? argument, JsonSerializerOptions options)
    {
        switch (argument)
        {
            case null:
                writer.WriteNullValue();
                break;
            case UiMessage inner:
                Write(writer, inner, options);
                break;
            case byte or short or int or long or ushort or uint or ulong:
                writer.WriteNumberValue(Convert.ToInt64(argument, CultureInfo.InvariantCulture));
                break;
            case float or double or decimal:
                writer.WriteNumberValue(Convert.ToDouble(argument, CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteStringValue(Convert.ToString(argument, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static UiMessage FromElement(JsonElement element)
    {
        // Recordings made before messages were keys hold the English text.
        if (element.ValueKind == JsonValueKind.String)
        {
            return UiMessage.Verbatim(element.GetString()!);
        }

        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("key", out var key) || key.ValueKind != JsonValueKind.String)
        {
            throw new JsonException($"Expected {{\"key\", \"args\"}}, found {element.ValueKind}.");
        }

        var arguments = element.TryGetProperty("args", out var args) && args.ValueKind == JsonValueKind.Array
            ? args.EnumerateArray().Select(Argument).ToArray()
            : [];
        return new UiMessage(key.GetString()!, arguments);
    }

    private static object? Argument(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number when element.TryGetInt64(out var whole) => whole,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.Object => FromElement(element),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
