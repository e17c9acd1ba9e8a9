namespace DemoConsole.Sandbox.GitHub.Git;

/// <summary>How a contents-API write ended; <see cref="Problem"/> carries GitHub's message for the failures.</summary>
internal enum PutFileStatus
{
    Created,
    Updated,
    BranchNotFound,
    ShaMissing,
    ShaMismatch,
}

/// <summary>The result of <see cref="GitRepository.PutFile"/>: the new commit, or why there is none.</summary>
internal sealed record PutFileOutcome(PutFileStatus Status, GitCommit? Commit, string? Problem);
