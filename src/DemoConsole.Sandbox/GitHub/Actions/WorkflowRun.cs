using DemoConsole.Sandbox.GitHub.Git;

namespace DemoConsole.Sandbox.GitHub.Actions;

/// <summary>One simulated workflow run with its jobs; mutated only under the simulator's lock.</summary>
internal sealed class WorkflowRun(long id, int runNumber, WorkflowDefinition workflow, GitCommit headCommit, string headBranch, string @event, string actor, DateTimeOffset createdAt, IReadOnlyList<WorkflowJob> jobs)
{
    public long Id { get; } = id;

    public int RunNumber { get; } = runNumber;

    public WorkflowDefinition Workflow { get; } = workflow;

    public GitCommit HeadCommit { get; } = headCommit;

    public string HeadBranch { get; } = headBranch;

    public string Event { get; } = @event;

    public string Actor { get; } = actor;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public IReadOnlyList<WorkflowJob> Jobs { get; } = jobs;

    public string Status { get; set; } = "queued";

    public string? Conclusion { get; set; }

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    public DateTimeOffset RunStartedAt { get; set; } = createdAt;

    /// <summary>The services this run builds (CI) or whose tags it updates (CD).</summary>
    public IReadOnlyList<string> Services { get; init; } = [];
}
