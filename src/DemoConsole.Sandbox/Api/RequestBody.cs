using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Api.Protobuf;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Api;

/// <summary>Reads a request body as JSON (or YAML for apply patches and YAML content types, or Kubernetes protobuf).</summary>
internal static class RequestBody
{
    public static async Task<JsonNode?> ReadAsync(HttpRequest request)
    {
        if (ProtobufBody.IsProtobuf(request.ContentType))
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
            return buffer.Length == 0 ? null : ProtobufBody.Read(buffer.ToArray());
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var contentType = request.ContentType ?? "";
        try
        {
            if (contentType.Contains("yaml", StringComparison.OrdinalIgnoreCase) && !text.TrimStart().StartsWith('{'))
            {
                return YamlJson.ParseDocuments(text).FirstOrDefault();
            }

            return JsonNode.Parse(text);
        }
        catch (Exception e) when (e is JsonException or YamlDotNet.Core.YamlException)
        {
            throw ApiException.BadRequest($"the body of the request could not be decoded: {e.Message}");
        }
    }

    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request) =>
        await ReadAsync(request) as JsonObject ?? throw ApiException.BadRequest("the request body must be a JSON object");
}
