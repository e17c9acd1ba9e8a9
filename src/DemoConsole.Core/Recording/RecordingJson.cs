using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using DemoConsole.Core.Actions;

namespace DemoConsole.Core.Recording;

/// <summary>
/// How snapshots are written to and read from a recording: web names, enums as text, and an action run's result
/// with its type name, so a recorded load snapshot reads back as a load snapshot and its own view can show it.
/// </summary>
public static class RecordingJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter(), new ActionResultJsonConverter() },
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            // A file, never HTML: Korean text as UTF-8 (3 bytes a character) rather than \uXXXX escapes (6).
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
