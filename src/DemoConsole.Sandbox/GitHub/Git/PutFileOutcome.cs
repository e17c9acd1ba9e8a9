namespace DemoConsole.Sandbox.GitHub.Git;

/// <summary>The result of <see cref="GitRepository.PutFile"/>: the new commit, or why there is none.</summary>
internal sealed record PutFileOutcome(PutFileStatus Status, GitCommit? Commit, string? Problem);
