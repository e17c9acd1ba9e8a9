using System.Collections.Immutable;

namespace DemoConsole.Sandbox.GitHub.Git;

/// <summary>An immutable commit: the whole tree (the repository is small), its parent and what changed.</summary>
internal sealed record GitCommit(
    string Sha,
    string TreeSha,
    string Message,
    GitSignature Author,
    GitSignature Committer,
    ImmutableArray<string> Parents,
    ImmutableSortedDictionary<string, GitBlob> Tree,
    ImmutableArray<GitFileChange> Changes);
