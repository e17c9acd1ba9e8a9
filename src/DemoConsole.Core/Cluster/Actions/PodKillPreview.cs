namespace DemoConsole.Core.Cluster.Actions;

/// <summary>
/// What the confirmation dialog shows before a kill: the plan (exactly which pod, or why none) and whether the
/// API server accepted the delete in a server-side dry run (<c>dryRun=All</c>), which changes nothing.
/// </summary>
public sealed record PodKillPreview
{
    public required PodKillPlan Plan { get; init; }

    /// <summary>True when the API server accepted the dry-run delete of <see cref="PodKillPlan.Pod"/>.</summary>
    public bool DryRunAccepted { get; init; }

    /// <summary>Why the dry run was not sent or not accepted; null when accepted.</summary>
    public string? DryRunProblem { get; init; }

    public bool CanKill => Plan.Allowed && DryRunAccepted;

    public string Summary => Plan.Allowed && !DryRunAccepted ? $"{Plan.Summary} The API server's dry run refused it: {DryRunProblem}" : Plan.Summary;
}
