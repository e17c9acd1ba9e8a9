namespace DemoConsole.Core.Pipeline;

/// <summary>A demo commit: where (from the scenario only) and the commit message (from the scenario only).</summary>
public sealed record DemoCommitRequest(RepositoryTarget Target, string Message);
