namespace DemoConsole.Sandbox.GitHub.Actions;

/// <summary>One step of a simulated job; mutated only under the simulator's lock.</summary>
internal sealed class WorkflowStep(int number, string name, TimeSpan duration, string? failureKey, bool always)
{
    public int Number { get; } = number;

    public string Name { get; } = name;

    /// <summary>How long the step takes at time scale 1 (before scaling).</summary>
    public TimeSpan Duration { get; } = duration;

    /// <summary>The word of a <c>[fail:word]</c> commit-message marker that makes this step fail.</summary>
    public string? FailureKey { get; } = failureKey;

    /// <summary>Runs even after a failure (post steps, "Complete job"), as in GitHub Actions.</summary>
    public bool Always { get; } = always;

    public string Status { get; set; } = "queued";

    public string? Conclusion { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}
