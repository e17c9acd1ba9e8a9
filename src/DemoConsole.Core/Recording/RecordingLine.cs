using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DemoConsole.Core.Recording;

/// <summary>
/// One line of a recording after the header: at <see cref="At"/>, stream <see cref="Stream"/> showed a snapshot,
/// written whole (<see cref="Full"/>, the first of its stream) or as a merge patch against the previous one
/// (<see cref="Patch"/>).
/// </summary>
public sealed record RecordingLine
{
    [JsonPropertyName("t")]
    public required DateTimeOffset At { get; init; }

    [JsonPropertyName("s")]
    public required string Stream { get; init; }

    [JsonPropertyName("f")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonObject? Full { get; init; }

    [JsonPropertyName("p")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonObject? Patch { get; init; }
}
