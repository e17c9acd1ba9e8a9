namespace DemoConsole.Core.Pipeline;

/// <summary>The start-up and pre-flight check of the demo repository: every item, and the missing ones named.</summary>
public sealed record RepositoryAccessReport(RepositoryTarget Target, IReadOnlyList<RepositoryAccessItem> Items, DateTimeOffset CheckedAt)
{
    public bool Passed => Items.All(i => i.Passed);

    /// <summary>What is missing, in words ("actions: the token may not read workflow runs (needed: actions=read)").</summary>
    public IReadOnlyList<string> Missing => Items.Where(i => !i.Passed).Select(i => $"{i.Name}: {i.Detail}").ToList();
}
