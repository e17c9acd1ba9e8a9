namespace DemoConsole.Sandbox.GitHub.Actions;

/// <summary>A workflow file of the repository, as GET …/actions/workflows lists it.</summary>
internal sealed record WorkflowDefinition(long Id, string Name, string Path, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public string FileName => System.IO.Path.GetFileName(Path);
}
