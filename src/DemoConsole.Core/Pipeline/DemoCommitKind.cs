using DemoConsole.Core.Actions.Kinds;
using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Pipeline;

/// <summary>
/// <c>demo-commit</c>: one line appended to a file of the demo repository, committed through the GitHub API, and the
/// pipeline it starts followed to running pods. Repository, branch, file and message come only from the scenario.
/// </summary>
public static class DemoCommitKind
{
    public static readonly ActionParameter File = new("file", ParameterType.Text, true, "file of the repository to append the demo line to");
    public static readonly ActionParameter Repository = new("repository", ParameterType.Text, false, "owner/name of the demo repository");
    public static readonly ActionParameter Branch = new("branch", ParameterType.Text, false, "branch to commit to (default main)");
    public static readonly ActionParameter Message = new("message", ParameterType.Text, false, "commit message");
    public static readonly ActionParameter Budget = new("budget", ParameterType.Duration, false, "what the demo promises from commit to new pods Ready (default 5m)");

    /// <summary>The runbook's promise: from push to new pods in under five minutes.</summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromMinutes(5);

    public static readonly ActionKindDescriptor Descriptor = new()
    {
        Name = "demo-commit",
        Parameters = [File, Repository, Branch, Message, Budget],
        Confirmation = ConfirmationStyle.Preview,
        ResultType = typeof(DemoCommitProgress),
        HandlerType = typeof(DemoCommitActionHandler),
    };

    /// <summary>Every repository, branch and file the scenario's demo-commit actions write to (for the pre-flight check).</summary>
    public static IReadOnlyList<RepositoryTarget> Targets(Scenario scenario) =>
        scenario.Actions.Where(a => a.Kind == Descriptor.Name)
            .Select(a => Repository.Text(a) is { } repository ? RepositoryTarget.Parse(repository, Branch.Text(a) ?? "main", File.Text(a) ?? "") : null)
            .OfType<RepositoryTarget>()
            .Distinct()
            .ToList();
}
