using System.Text.Json.Nodes;
using DemoConsole.Sandbox.GitHub.Git;

namespace DemoConsole.Sandbox.GitHub;

/// <summary>GET repository, contents (get, create/update), commits, git refs and branches of the twin's repository.</summary>
internal sealed class RepositoryRoutes(GitRepository repository, TimeProvider time, GitHubAccess access)
{
    private const string ContentsDocs = "https://docs.github.com/rest/repos/contents#get-repository-content";
    private const string PutDocs = "https://docs.github.com/rest/repos/contents#create-or-update-file-contents";
    private const string CommitDocs = "https://docs.github.com/rest/commits/commits#get-a-commit";
    private const string RefDocs = "https://docs.github.com/rest/git/refs#get-a-reference";
    private const string BranchDocs = "https://docs.github.com/rest/branches/branches#get-a-branch";

    public GitHubReply? Handle(GitHubCall call)
    {
        var s = call.Segments;
        return (call.Method, s.Count == 0 ? "" : s[0]) switch
        {
            ("GET", "") => GitHubReply.Ok(GitHubJson.Repository(call.Urls, repository, call.Permissions)),
            ("GET", "contents") => call.Require(GitHubTokenPermissions.ContentsRead, "contents=read", ContentsDocs) ?? GetContents(call),
            ("PUT", "contents") => call.Require(GitHubTokenPermissions.ContentsWrite, "contents=write", PutDocs) ?? PutContents(call),
            ("GET", "commits") when s.Count > 1 => call.Require(GitHubTokenPermissions.ContentsRead, "contents=read", CommitDocs) ?? GetCommit(call),
            ("GET", "git") when s.Count > 2 && s[1] is "ref" or "refs" => call.Require(GitHubTokenPermissions.ContentsRead, "contents=read", RefDocs) ?? GetRef(call),
            ("GET", "branches") when s.Count > 1 => call.Require(GitHubTokenPermissions.ContentsRead, "contents=read", BranchDocs) ?? GetBranch(call),
            _ => null,
        };
    }

    private GitHubReply GetContents(GitHubCall call)
    {
        var path = call.Rest(1).Trim('/');
        var reference = call.QueryValue("ref");
        if (repository.Resolve(reference) is not { } commit)
        {
            return GitHubReply.Error(404, $"No commit found for the ref {reference}", ContentsDocs);
        }

        var shown = reference ?? repository.DefaultBranch;
        if (commit.Tree.TryGetValue(path, out var blob))
        {
            return GitHubReply.Ok(GitHubJson.File(call.Urls, repository, path, shown, blob));
        }

        var prefix = path.Length == 0 ? "" : path + "/";
        var entries = commit.Tree.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Select(k => k[prefix.Length..].Split('/')[0])
            .Distinct(StringComparer.Ordinal)
            .Select(name =>
            {
                var child = prefix + name;
                return commit.Tree.TryGetValue(child, out var b)
                    ? GitHubJson.ContentItem(call.Urls, repository, child, shown, "file", b.Sha, b.Content.Length)
                    : GitHubJson.ContentItem(call.Urls, repository, child, shown, "dir", GitObjects.Hash("tree", child + commit.TreeSha), 0);
            })
            .ToArray<JsonNode?>();
        return entries.Length == 0 ? GitHubReply.NotFound(ContentsDocs) : GitHubReply.Ok(new JsonArray(entries));
    }

    private GitHubReply PutContents(GitHubCall call)
    {
        var path = call.Rest(1).Trim('/');
        var body = call.Body as JsonObject;
        var message = (string?)body?["message"];
        var content = (string?)body?["content"];
        if (body is null || message is null || content is null)
        {
            return Invalid(body is null ? "Problems parsing JSON" : $"Invalid request.\n\n\"{(message is null ? "message" : "content")}\" wasn't supplied.");
        }

        if (body["sha"] is JsonNode shaNode && shaNode.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            return Invalid("Invalid request.\n\nFor 'properties/sha', nil is not a string.");
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(content);
        }
        catch (FormatException)
        {
            return Invalid("content is not valid Base64");
        }

        var (allowed, retryAfter) = access.TryWrite(call.Token);
        if (!allowed)
        {
            return GitHubReply.Error(403,
                "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
                "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits")
                .With("Retry-After", retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var now = time.GetUtcNow();
        var author = Signature(body["author"], call.User, now);
        var committer = Signature(body["committer"], call.User, now);
        var branch = (string?)body["branch"] ?? repository.DefaultBranch;
        var outcome = repository.PutFile(branch, path, bytes, message, (string?)body["sha"], author, committer);
        return outcome.Status switch
        {
            PutFileStatus.Created => new GitHubReply(201, GitHubJson.FileCommit(call.Urls, repository, path, branch, outcome.Commit!)),
            PutFileStatus.Updated => GitHubReply.Ok(GitHubJson.FileCommit(call.Urls, repository, path, branch, outcome.Commit!)),
            PutFileStatus.ShaMismatch => GitHubReply.Error(409, outcome.Problem!, PutDocs),
            PutFileStatus.BranchNotFound => GitHubReply.Error(404, outcome.Problem!, PutDocs),
            _ => Invalid(outcome.Problem!),
        };
    }

    private GitHubReply GetCommit(GitHubCall call)
    {
        var reference = call.Rest(1);
        return repository.Resolve(reference) is { } commit
            ? GitHubReply.Ok(GitHubJson.Commit(call.Urls, repository, commit))
            : GitHubReply.Error(422, $"No commit found for SHA: {reference}", CommitDocs);
    }

    private GitHubReply GetRef(GitHubCall call)
    {
        var reference = call.Rest(2);
        var branch = reference.StartsWith("heads/", StringComparison.Ordinal) ? reference["heads/".Length..] : null;
        return branch is not null && repository.BranchHead(branch) is { } sha
            ? GitHubReply.Ok(GitHubJson.Reference(call.Urls, repository, branch, sha))
            : GitHubReply.NotFound(RefDocs);
    }

    private GitHubReply GetBranch(GitHubCall call)
    {
        var branch = call.Rest(1);
        return repository.BranchHead(branch) is not null && repository.Resolve(branch) is { } head
            ? GitHubReply.Ok(GitHubJson.Branch(call.Urls, repository, branch, head))
            : GitHubReply.Error(404, "Branch not found", BranchDocs);
    }

    private static GitHubReply Invalid(string message) => new(422, new JsonObject
    {
        ["message"] = message,
        ["documentation_url"] = PutDocs,
        ["status"] = "422",
    });

    private static GitSignature Signature(JsonNode? node, GitHubUser user, DateTimeOffset now) =>
        node is JsonObject o && (string?)o["name"] is { } name && (string?)o["email"] is { } email
            ? new GitSignature(name, email, DateTimeOffset.TryParse((string?)o["date"], System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : now)
            : new GitSignature(user.Name, user.Email, now);
}
