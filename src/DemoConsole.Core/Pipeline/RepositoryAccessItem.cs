namespace DemoConsole.Core.Pipeline;

/// <summary>One thing the demo needs from GitHub ("repository", "branch", "file", "push", "actions") and whether it is there.</summary>
public sealed record RepositoryAccessItem(string Name, bool Passed, string Detail);
