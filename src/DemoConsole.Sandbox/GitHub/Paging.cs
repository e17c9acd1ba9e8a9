using System.Globalization;
using System.Text.Json.Nodes;

namespace DemoConsole.Sandbox.GitHub;

/// <summary>per_page (default 30, max 100) and page, with the Link header GitHub sends (Octokit follows rel="next").</summary>
internal static class Paging
{
    public static (IReadOnlyList<T> Items, string? Link) Page<T>(IReadOnlyList<T> all, GitHubCall call, string url)
    {
        var perPage = Math.Clamp(Int(call.QueryValue("per_page")) ?? 30, 1, 100);
        var page = Math.Max(1, Int(call.QueryValue("page")) ?? 1);
        var last = Math.Max(1, (all.Count + perPage - 1) / perPage);
        var items = all.Skip((page - 1) * perPage).Take(perPage).ToList();
        if (last == 1)
        {
            return (items, null);
        }

        var query = string.Join('&', call.Query.Where(q => q.Key is not "page" and not "per_page").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}"));
        string Link(int p, string rel) => $"<{url}?{(query.Length > 0 ? query + "&" : "")}per_page={perPage}&page={p}>; rel=\"{rel}\"";
        var links = new List<string>();
        if (page < last)
        {
            links.Add(Link(page + 1, "next"));
            links.Add(Link(last, "last"));
        }

        if (page > 1)
        {
            links.Add(Link(1, "first"));
            links.Add(Link(page - 1, "prev"));
        }

        return (items, string.Join(", ", links));
    }

    public static GitHubReply Wrapped<T>(IReadOnlyList<T> all, GitHubCall call, string url, string property, Func<T, JsonNode> map)
    {
        var (items, link) = Page(all, call, url);
        var reply = GitHubReply.Ok(new JsonObject
        {
            ["total_count"] = all.Count,
            [property] = new JsonArray(items.Select(i => (JsonNode?)map(i)).ToArray()),
        });
        return link is null ? reply : reply.With("Link", link);
    }

    private static int? Int(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
