namespace DemoConsole.Sandbox.GitHub.Git;

/// <summary>A file a commit touched, as GitHub's diff-entry reports it.</summary>
internal sealed record GitFileChange(string Path, string Status, string BlobSha, int Additions, int Deletions, string Patch);
