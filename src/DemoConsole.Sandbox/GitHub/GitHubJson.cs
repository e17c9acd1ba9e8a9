using System.Text;
using System.Text.Json.Nodes;
using DemoConsole.Sandbox.GitHub.Git;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.GitHub;

/// <summary>Repository, contents and commit bodies in the shapes of GitHub's REST description (see reference/github-rest.md).</summary>
internal static class GitHubJson
{
    public static JsonObject User(GitHubUrls urls, GitHubUser user) => new()
    {
        ["login"] = user.Login,
        ["id"] = user.Id,
        ["node_id"] = NodeId("U", user.Id),
        ["avatar_url"] = $"{urls.Web}/avatars/u/{user.Id}",
        ["url"] = urls.User(user.Login),
        ["html_url"] = $"{urls.Web}/{user.Login}",
        ["type"] = user.Type,
        ["site_admin"] = false,
    };

    public static JsonObject Repository(GitHubUrls urls, GitRepository r, GitHubTokenPermissions permissions)
    {
        var api = urls.Repo(r);
        return new JsonObject
        {
            ["id"] = r.Id,
            ["node_id"] = NodeId("R", r.Id),
            ["name"] = r.Name,
            ["full_name"] = r.FullName,
            ["private"] = false,
            ["owner"] = User(urls, GitHubUser.Owner),
            ["html_url"] = urls.RepoHtml(r),
            ["description"] = "Titanium: cloud-native blog platform on Kubernetes with Istio, Argo CD and GitHub Actions",
            ["fork"] = false,
            ["url"] = api,
            ["contents_url"] = api + "/contents/{+path}",
            ["commits_url"] = api + "/commits{/sha}",
            ["git_refs_url"] = api + "/git/refs{/sha}",
            ["branches_url"] = api + "/branches{/branch}",
            ["clone_url"] = urls.RepoHtml(r) + ".git",
            ["git_url"] = urls.RepoHtml(r).Replace("http", "git", StringComparison.Ordinal) + ".git",
            ["created_at"] = Rfc3339.Format(r.CreatedAt),
            ["updated_at"] = Rfc3339.Format(r.PushedAt),
            ["pushed_at"] = Rfc3339.Format(r.PushedAt),
            ["size"] = 1843,
            ["language"] = "Python",
            ["default_branch"] = r.DefaultBranch,
            ["visibility"] = "public",
            ["archived"] = false,
            ["disabled"] = false,
            ["has_issues"] = true,
            ["has_projects"] = true,
            ["has_wiki"] = false,
            ["topics"] = new JsonArray("kubernetes", "istio", "argocd", "github-actions", "prometheus"),
            ["forks_count"] = 0,
            ["stargazers_count"] = 3,
            ["watchers_count"] = 3,
            ["open_issues_count"] = 0,
            ["permissions"] = new JsonObject
            {
                ["admin"] = false,
                ["maintain"] = false,
                ["push"] = permissions.HasFlag(GitHubTokenPermissions.ContentsWrite),
                ["triage"] = false,
                ["pull"] = true,
            },
        };
    }

    public static JsonObject ContentItem(GitHubUrls urls, GitRepository r, string path, string reference, string type, string sha, int size)
    {
        var self = $"{urls.Repo(r)}/contents/{path}?ref={reference}";
        var git = type == "dir" ? $"{urls.Repo(r)}/git/trees/{sha}" : $"{urls.Repo(r)}/git/blobs/{sha}";
        var html = $"{urls.RepoHtml(r)}/{(type == "dir" ? "tree" : "blob")}/{reference}/{path}";
        return new JsonObject
        {
            ["type"] = type,
            ["size"] = size,
            ["name"] = path.Split('/')[^1],
            ["path"] = path,
            ["sha"] = sha,
            ["url"] = self,
            ["git_url"] = git,
            ["html_url"] = html,
            ["download_url"] = type == "file" ? $"{urls.RepoHtml(r)}/raw/{reference}/{path}" : null,
            ["_links"] = new JsonObject { ["self"] = self, ["git"] = git, ["html"] = html },
        };
    }

    public static JsonObject File(GitHubUrls urls, GitRepository r, string path, string reference, GitBlob blob)
    {
        var item = ContentItem(urls, r, path, reference, "file", blob.Sha, blob.Content.Length);
        var base64 = Convert.ToBase64String(blob.Content);

        // GitHub wraps the base64 content at 60 characters with "\n".
        var wrapped = new StringBuilder();
        for (var i = 0; i < base64.Length; i += 60)
        {
            wrapped.Append(base64.AsSpan(i, Math.Min(60, base64.Length - i))).Append('\n');
        }

        item["content"] = wrapped.ToString();
        item["encoding"] = "base64";
        return item;
    }

    public static JsonObject FileCommit(GitHubUrls urls, GitRepository r, string path, string branch, GitCommit commit)
    {
        var blob = commit.Tree[path];
        return new JsonObject
        {
            ["content"] = ContentItem(urls, r, path, branch, "file", blob.Sha, blob.Content.Length),
            ["commit"] = new JsonObject
            {
                ["sha"] = commit.Sha,
                ["node_id"] = NodeId("C", commit.Sha),
                ["url"] = $"{urls.Repo(r)}/git/commits/{commit.Sha}",
                ["html_url"] = $"{urls.RepoHtml(r)}/commit/{commit.Sha}",
                ["author"] = Signature(commit.Author),
                ["committer"] = Signature(commit.Committer),
                ["message"] = commit.Message,
                ["tree"] = new JsonObject { ["url"] = $"{urls.Repo(r)}/git/trees/{commit.TreeSha}", ["sha"] = commit.TreeSha },
                ["parents"] = Parents(urls, r, commit),
                ["verification"] = Unsigned(),
            },
        };
    }

    public static JsonObject Commit(GitHubUrls urls, GitRepository r, GitCommit commit)
    {
        var files = new JsonArray();
        foreach (var change in commit.Changes)
        {
            files.Add(new JsonObject
            {
                ["sha"] = change.BlobSha,
                ["filename"] = change.Path,
                ["status"] = change.Status,
                ["additions"] = change.Additions,
                ["deletions"] = change.Deletions,
                ["changes"] = change.Additions + change.Deletions,
                ["blob_url"] = $"{urls.RepoHtml(r)}/blob/{commit.Sha}/{change.Path}",
                ["raw_url"] = $"{urls.RepoHtml(r)}/raw/{commit.Sha}/{change.Path}",
                ["contents_url"] = $"{urls.Repo(r)}/contents/{change.Path}?ref={commit.Sha}",
                ["patch"] = change.Patch,
            });
        }

        var additions = commit.Changes.Sum(c => c.Additions);
        var deletions = commit.Changes.Sum(c => c.Deletions);
        return new JsonObject
        {
            ["sha"] = commit.Sha,
            ["node_id"] = NodeId("C", commit.Sha),
            ["url"] = $"{urls.Repo(r)}/commits/{commit.Sha}",
            ["html_url"] = $"{urls.RepoHtml(r)}/commit/{commit.Sha}",
            ["comments_url"] = $"{urls.Repo(r)}/commits/{commit.Sha}/comments",
            ["commit"] = new JsonObject
            {
                ["url"] = $"{urls.Repo(r)}/git/commits/{commit.Sha}",
                ["author"] = Signature(commit.Author),
                ["committer"] = Signature(commit.Committer),
                ["message"] = commit.Message,
                ["comment_count"] = 0,
                ["tree"] = new JsonObject { ["sha"] = commit.TreeSha, ["url"] = $"{urls.Repo(r)}/git/trees/{commit.TreeSha}" },
                ["verification"] = Unsigned(),
            },
            ["author"] = GitHubUser.ByEmail(commit.Author.Email) is { } a ? User(urls, a) : null,
            ["committer"] = GitHubUser.ByEmail(commit.Committer.Email) is { } c ? User(urls, c) : null,
            ["parents"] = Parents(urls, r, commit),
            ["stats"] = new JsonObject { ["additions"] = additions, ["deletions"] = deletions, ["total"] = additions + deletions },
            ["files"] = files,
        };
    }

    public static JsonObject Reference(GitHubUrls urls, GitRepository r, string branch, string sha) => new()
    {
        ["ref"] = "refs/heads/" + branch,
        ["node_id"] = NodeId("REF", r.Id + ":" + branch),
        ["url"] = $"{urls.Repo(r)}/git/refs/heads/{branch}",
        ["object"] = new JsonObject { ["sha"] = sha, ["type"] = "commit", ["url"] = $"{urls.Repo(r)}/git/commits/{sha}" },
    };

    public static JsonObject Branch(GitHubUrls urls, GitRepository r, string branch, GitCommit head)
    {
        var commit = Commit(urls, r, head);
        commit.Remove("files");
        commit.Remove("stats");
        return new JsonObject
        {
            ["name"] = branch,
            ["commit"] = commit,
            ["_links"] = new JsonObject { ["self"] = $"{urls.Repo(r)}/branches/{branch}", ["html"] = $"{urls.RepoHtml(r)}/tree/{branch}" },
            ["protected"] = false,
            ["protection"] = new JsonObject { ["enabled"] = false, ["required_status_checks"] = new JsonObject { ["enforcement_level"] = "off", ["contexts"] = new JsonArray(), ["checks"] = new JsonArray() } },
            ["protection_url"] = $"{urls.Repo(r)}/branches/{branch}/protection",
        };
    }

    public static JsonObject Signature(GitSignature s) => new() { ["name"] = s.Name, ["email"] = s.Email, ["date"] = Rfc3339.Format(s.Date) };

    public static string NodeId(string prefix, object id) =>
        prefix + "_kw" + Convert.ToBase64String(Encoding.UTF8.GetBytes(id.ToString() ?? "")).TrimEnd('=');

    private static JsonArray Parents(GitHubUrls urls, GitRepository r, GitCommit commit) =>
        new(commit.Parents.Select(p => (JsonNode?)new JsonObject
        {
            ["sha"] = p,
            ["url"] = $"{urls.Repo(r)}/commits/{p}",
            ["html_url"] = $"{urls.RepoHtml(r)}/commit/{p}",
        }).ToArray());

    private static JsonObject Unsigned() => new()
    {
        ["verified"] = false,
        ["reason"] = "unsigned",
        ["signature"] = null,
        ["payload"] = null,
        ["verified_at"] = null,
    };
}
