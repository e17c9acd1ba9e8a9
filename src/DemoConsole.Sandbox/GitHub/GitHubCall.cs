using System.Text.Json.Nodes;

namespace DemoConsole.Sandbox.GitHub;

/// <summary>An authenticated request as the routes see it: path segments after /api/v3/repos/{owner}/{repo}, query, body.</summary>
internal sealed record GitHubCall(
    string Method,
    IReadOnlyList<string> Segments,
    IQueryCollection Query,
    JsonNode? Body,
    string Token,
    GitHubUser User,
    GitHubTokenPermissions Permissions,
    GitHubUrls Urls)
{
    public string? QueryValue(string name) => Query.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;

    /// <summary>The remaining path from segment <paramref name="from"/> on, slashes kept (contents paths, refs).</summary>
    public string Rest(int from) => string.Join('/', Segments.Skip(from));

    /// <summary>403 for a fine-grained token without the permission, naming it as GitHub's header does.</summary>
    public GitHubReply? Require(GitHubTokenPermissions needed, string header, string documentation) =>
        (Permissions & needed) == needed
            ? null
            : GitHubReply.Error(403, "Resource not accessible by personal access token", documentation).With("X-Accepted-GitHub-Permissions", header);
}
