namespace DemoConsole.Core.Pipeline;

/// <summary>Exactly where a demo commit goes: repository, branch and file as the scenario declares them.</summary>
public sealed record RepositoryTarget(string Owner, string Name, string Branch, string Path)
{
    public string FullName => $"{Owner}/{Name}";

    /// <summary>From the scenario's <c>repository: owner/name</c>; null when it is not of that form.</summary>
    public static RepositoryTarget? Parse(string repository, string branch, string path)
    {
        var parts = repository.Trim().Split('/');
        return parts.Length == 2 && parts.All(p => p.Length > 0) && branch.Trim().Length > 0 && path.Trim().Trim('/').Length > 0
            ? new RepositoryTarget(parts[0], parts[1], branch.Trim(), path.Trim().Trim('/'))
            : null;
    }

    public override string ToString() => $"{FullName}@{Branch}:{Path}";
}
