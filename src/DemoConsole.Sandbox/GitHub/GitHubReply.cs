using System.Globalization;
using System.Text.Json.Nodes;

namespace DemoConsole.Sandbox.GitHub;

/// <summary>A response of the twin before it is written: status, JSON body, extra headers.</summary>
internal sealed record GitHubReply(int Status, JsonNode? Body)
{
    public const string DocsRoot = "https://docs.github.com/rest";

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static GitHubReply Ok(JsonNode body) => new(200, body);

    /// <summary>GitHub's basic-error body: message, documentation_url and status as a string.</summary>
    public static GitHubReply Error(int status, string message, string documentation = DocsRoot) => new(status, new JsonObject
    {
        ["message"] = message,
        ["documentation_url"] = documentation,
        ["status"] = status.ToString(CultureInfo.InvariantCulture),
    });

    public static GitHubReply NotFound(string documentation = DocsRoot) => Error(404, "Not Found", documentation);

    public GitHubReply With(string header, string value)
    {
        Headers[header] = value;
        return this;
    }
}
