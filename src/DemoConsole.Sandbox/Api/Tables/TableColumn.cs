using System.Text.Json.Nodes;

namespace DemoConsole.Sandbox.Api.Tables;

/// <summary>One column of a server-side Table; priority 0 prints by default, 1 only with <c>-o wide</c>.</summary>
internal sealed record TableColumn(string Name, string Type, Func<JsonObject, DateTimeOffset, JsonNode?> Cell, int Priority = 0, string Format = "")
{
    public JsonObject Definition() => new()
    {
        ["name"] = Name,
        ["type"] = Type,
        ["format"] = Format,
        ["description"] = Name,
        ["priority"] = Priority,
    };
}
