using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using DemoConsole.Core.Actions;

namespace DemoConsole.Core.Recording;

/// <summary>
/// Turns a snapshot into the JSON object a recording stores and back. Most snapshots are stored as they serialize;
/// the run board is stored with its runs by run id, so a merge patch of a running burst's progress carries that one
/// run's new figures instead of the whole list of runs.
/// </summary>
public static class RecordingShapes
{
    public static JsonObject ToNode(object snapshot) => snapshot switch
    {
        RunBoard board => RunBoardToNode(board),
        _ => JsonSerializer.SerializeToNode(snapshot, snapshot.GetType(), RecordingJson.Options) as JsonObject
            ?? throw new ArgumentException($"A {snapshot.GetType().Name} does not serialize to a JSON object.", nameof(snapshot)),
    };

    public static T? FromNode<T>(JsonObject node)
        where T : class => FromNode(node, typeof(T)) as T;

    /// <exception cref="JsonException">The node is not a <paramref name="type"/>.</exception>
    public static object? FromNode(JsonObject node, Type type) =>
        type == typeof(RunBoard) ? RunBoardFromNode(node) : node.Deserialize(type, RecordingJson.Options);

    private static JsonObject RunBoardToNode(RunBoard board)
    {
        var runs = new JsonObject();
        foreach (var run in board.Runs)
        {
            runs[run.RunId] = JsonSerializer.SerializeToNode(run, RecordingJson.Options);
        }

        return new JsonObject
        {
            ["version"] = board.Version,
            ["order"] = new JsonArray(board.Runs.Select(r => (JsonNode?)JsonValue.Create(r.RunId)).ToArray()),
            ["runs"] = runs,
            ["refusals"] = JsonSerializer.SerializeToNode(board.Refusals, RecordingJson.Options),
        };
    }

    private static RunBoard RunBoardFromNode(JsonObject node)
    {
        var runs = node["runs"] as JsonObject ?? [];
        var order = node["order"]?.AsArray().Select(id => id?.GetValue<string>()).OfType<string>() ?? [];
        var list = order.Select(id => runs[id]?.Deserialize<ActionRunSnapshot>(RecordingJson.Options)).OfType<ActionRunSnapshot>().ToImmutableList();
        var refusals = node["refusals"]?.Deserialize<ImmutableList<RefusedStart>>(RecordingJson.Options) ?? [];
        return new RunBoard(node["version"]?.GetValue<long>() ?? 0, list) { Refusals = refusals };
    }
}
