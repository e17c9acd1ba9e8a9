using DemoConsole.Core.Messages;

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
    public UiMessage? DryRunProblem { get; init; }

    public bool CanKill => Plan.Allowed && DryRunAccepted;

    public UiMessage Summary => Plan.Allowed && !DryRunAccepted ? new UiMessage("Cluster_KillDryRunRefused", Plan.Summary, DryRunProblem) : Plan.Summary;
}
