using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>
/// The pod a kill would delete and why it may, or the guard rail that refuses it. What the confirmation
/// dialog shows, and exactly what a run then deletes (the pod's uid is a precondition of the delete).
/// </summary>
public sealed record PodKillPlan
{
    /// <summary>Why nothing may be deleted; null when the kill is allowed.</summary>
    public UiMessage? Refusal { get; init; }

    public required string Namespace { get; init; }

    /// <summary>"Deployment" or "StatefulSet" once the workload is known.</summary>
    public string? WorkloadKind { get; init; }

    public string? WorkloadName { get; init; }

    /// <summary>The pod that would be deleted.</summary>
    public string? Pod { get; init; }

    public string? PodUid { get; init; }

    public string? Node { get; init; }

    /// <summary>Whether the pod to delete is Ready now (a named pod may not be).</summary>
    public bool PodReady { get; init; }

    /// <summary>Ready pods of the workload now (the victim included).</summary>
    public int ReadyReplicas { get; init; }

    /// <summary>Pods of the workload that are not terminating.</summary>
    public int Replicas { get; init; }

    /// <summary>The workload's label selector, for watching its pods.</summary>
    public string? Selector { get; init; }

    public bool Allowed => Refusal is null && Pod is not null;

    /// <summary>One sentence for the confirmation dialog and the run history.</summary>
    public UiMessage Summary => Allowed
        ? new UiMessage("Cluster_KillPlan", Pod, WorkloadKind, WorkloadName, Namespace, ReadyReplicas, Replicas, ReadyReplicas - (PodReady ? 1 : 0))
        : new UiMessage("Actions_RefusedReason", Refusal);

    internal static PodKillPlan Refused(string ns, UiMessage refusal) => new() { Namespace = ns, Refusal = refusal };
}
