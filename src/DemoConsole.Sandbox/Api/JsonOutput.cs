using System.Text.Json;
using System.Text.Json.Nodes;

namespace DemoConsole.Sandbox.Api;

internal static class JsonOutput
{
    public static async Task WriteAsync(HttpContext context, JsonNode node)
    {
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        node.WriteTo(writer);
        await writer.FlushAsync(context.RequestAborted);
    }

    public static async Task WriteRawAsync(HttpContext context, ReadOnlyMemory<byte> json, string contentType = "application/json")
    {
        context.Response.ContentType = contentType;
        await context.Response.Body.WriteAsync(json, context.RequestAborted);
    }
}
