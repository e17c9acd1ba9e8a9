namespace DemoConsole.Sandbox.GitHub.Git;

/// <summary>How a contents-API write ended (see <see cref="PutFileOutcome"/>).</summary>
internal enum PutFileStatus
{
    Created,
    Updated,
    BranchNotFound,
    ShaMissing,
    ShaMismatch,
}
