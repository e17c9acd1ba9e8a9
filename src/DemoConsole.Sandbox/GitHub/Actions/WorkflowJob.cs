namespace DemoConsole.Sandbox.GitHub.Actions;

/// <summary>One job of a simulated run; mutated only under the simulator's lock.</summary>
internal sealed class WorkflowJob(long id, string name, DateTimeOffset createdAt, IReadOnlyList<WorkflowStep> steps)
{
    public long Id { get; } = id;

    public string Name { get; } = name;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public IReadOnlyList<WorkflowStep> Steps { get; } = steps;

    public string Status { get; set; } = "queued";

    public string? Conclusion { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? RunnerName { get; set; }
}
