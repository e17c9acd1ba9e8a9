using System.Text.Json;
using System.Text.Json.Serialization;
using DemoConsole.Core.Messages;

namespace DemoConsole.Web.Api;

/// <summary>
/// The API's answers carry a message as its text in the request's language (the request localization sets the
/// culture), not as the key and arguments a recording stores: a script reads a sentence, like every other API answer.
/// Registered in the HTTP JSON options, where it takes precedence over <see cref="UiMessageJsonConverter"/>.
/// </summary>
public sealed class UiMessageTextJsonConverter : JsonConverter<UiMessage>
{
    public override UiMessage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        UiMessage.Verbatim(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, UiMessage value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Format());
}
