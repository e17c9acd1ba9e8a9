namespace DemoConsole.Sandbox.GitHub.Git;

/// <summary>Author or committer of a commit.</summary>
internal sealed record GitSignature(string Name, string Email, DateTimeOffset Date);
