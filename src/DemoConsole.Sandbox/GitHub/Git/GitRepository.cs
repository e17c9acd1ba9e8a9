using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace DemoConsole.Sandbox.GitHub.Git;

/// <summary>
/// One repository in memory: commits, branches, and a push event the pipeline and Argo CD simulations follow.
/// Writes are serialised by one lock so a stale sha is detected exactly as GitHub does (409, never a lost update).
/// </summary>
internal sealed class GitRepository
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, GitCommit> _commits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _branches = new(StringComparer.Ordinal);

    public GitRepository(long id, string owner, string name, string defaultBranch, DateTimeOffset createdAt)
    {
        Id = id;
        Owner = owner;
        Name = name;
        DefaultBranch = defaultBranch;
        CreatedAt = createdAt;
    }

    /// <summary>Raised after a commit lands on a branch (outside the lock), like a push webhook.</summary>
    public event Action<GitCommit, string>? Pushed;

    public long Id { get; }

    public string Owner { get; }

    public string Name { get; }

    public string FullName => $"{Owner}/{Name}";

    public string DefaultBranch { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset PushedAt { get; private set; }

    public bool Matches(string owner, string name) =>
        string.Equals(owner, Owner, StringComparison.OrdinalIgnoreCase) && string.Equals(name, Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>A branch name, heads/…, refs/heads/…, a full sha or an unambiguous prefix of at least 7; null: default branch.</summary>
    public GitCommit? Resolve(string? reference)
    {
        lock (_gate)
        {
            var name = string.IsNullOrEmpty(reference) ? DefaultBranch : reference;
            name = name.StartsWith("refs/heads/", StringComparison.Ordinal) ? name["refs/heads/".Length..]
                : name.StartsWith("heads/", StringComparison.Ordinal) ? name["heads/".Length..] : name;
            if (_branches.TryGetValue(name, out var head))
            {
                return _commits[head];
            }

            if (_commits.TryGetValue(name, out var exact))
            {
                return exact;
            }

            if (name.Length >= 7 && name.All(Uri.IsHexDigit))
            {
                var matches = _commits.Keys.Where(k => k.StartsWith(name, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
                return matches.Count == 1 ? _commits[matches[0]] : null;
            }

            return null;
        }
    }

    public string? BranchHead(string branch)
    {
        lock (_gate)
        {
            return _branches.GetValueOrDefault(branch);
        }
    }

    public IReadOnlyList<string> Branches()
    {
        lock (_gate)
        {
            return _branches.Keys.Order(StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>The first commit of a branch (seeding); no push event.</summary>
    public GitCommit Seed(string branch, IReadOnlyDictionary<string, string> files, string message, GitSignature author)
    {
        var tree = files.ToImmutableSortedDictionary(kv => kv.Key, kv => GitBlob.Of(Encoding.UTF8.GetBytes(kv.Value)), StringComparer.Ordinal);
        lock (_gate)
        {
            var commit = Build(tree, message, author, author, [], []);
            _commits[commit.Sha] = commit;
            _branches[branch] = commit.Sha;
            PushedAt = author.Date;
            return commit;
        }
    }

    /// <summary>
    /// The contents API's create-or-update: a new file needs no sha; an existing one needs its current blob sha
    /// (missing → 422, different → 409), as GitHub checks it.
    /// </summary>
    public PutFileOutcome PutFile(string branch, string path, byte[] content, string message, string? expectedSha, GitSignature author, GitSignature committer)
    {
        GitCommit commit;
        PutFileStatus status;
        lock (_gate)
        {
            if (!_branches.TryGetValue(branch, out var headSha))
            {
                return new PutFileOutcome(PutFileStatus.BranchNotFound, null, $"Branch {branch} not found");
            }

            var head = _commits[headSha];
            var existing = head.Tree.GetValueOrDefault(path);
            if (existing is not null && expectedSha is null)
            {
                return new PutFileOutcome(PutFileStatus.ShaMissing, null, "Invalid request.\n\n\"sha\" wasn't supplied.");
            }

            if (expectedSha is not null && !string.Equals(existing?.Sha, expectedSha, StringComparison.OrdinalIgnoreCase))
            {
                return new PutFileOutcome(PutFileStatus.ShaMismatch, null, existing is null
                    ? $"{path} does not exist on {branch} but expected {expectedSha}"
                    : $"{path} is at {existing.Sha} but expected {expectedSha}");
            }

            var blob = GitBlob.Of(content);
            var (additions, deletions, patch) = LineDiff.Compute(existing is null ? "" : Encoding.UTF8.GetString(existing.Content), Encoding.UTF8.GetString(content));
            var change = new GitFileChange(path, existing is null ? "added" : "modified", blob.Sha, additions, deletions, patch);
            commit = Build(head.Tree.SetItem(path, blob), message, author, committer, [head.Sha], [change]);
            _commits[commit.Sha] = commit;
            _branches[branch] = commit.Sha;
            PushedAt = committer.Date;
            status = existing is null ? PutFileStatus.Created : PutFileStatus.Updated;
        }

        Pushed?.Invoke(commit, branch);
        return new PutFileOutcome(status, commit, null);
    }

    private static GitCommit Build(ImmutableSortedDictionary<string, GitBlob> tree, string message, GitSignature author, GitSignature committer, ImmutableArray<string> parents, ImmutableArray<GitFileChange> changes)
    {
        var treeSha = GitObjects.Hash("tree", string.Join('\n', tree.Select(kv => $"{kv.Value.Sha} {kv.Key}")));
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"tree {treeSha}\n");
        foreach (var parent in parents)
        {
            text.Append(CultureInfo.InvariantCulture, $"parent {parent}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"author {author.Name} <{author.Email}> {author.Date.ToUnixTimeSeconds()} +0000\n");
        text.Append(CultureInfo.InvariantCulture, $"committer {committer.Name} <{committer.Email}> {committer.Date.ToUnixTimeSeconds()} +0000\n\n{message}\n");
        return new GitCommit(GitObjects.Hash("commit", text.ToString()), treeSha, message, author, committer, parents, tree, changes);
    }
}
