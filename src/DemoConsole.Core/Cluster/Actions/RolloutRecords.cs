using DemoConsole.Core.Actions;
namespace DemoConsole.Core.Cluster.Actions;

/// <summary>A Deployment's revisions, oldest first, as <c>kubectl rollout history</c> lists them.</summary>
public sealed record RolloutHistory(string Namespace, string Deployment, long CurrentRevision, IReadOnlyList<RolloutRevision> Revisions)
{
    /// <summary>The revision a plain undo goes back to (the newest one that is not current), for the confirmation; null when none.</summary>
    public RolloutRevision? Previous => Revisions.Where(r => !r.IsCurrent).MaxBy(r => r.Revision);
}

/// <summary>One revision: its ReplicaSet, the <c>kubernetes.io/change-cause</c> annotation, and what it runs.</summary>
public sealed record RolloutRevision(
    long Revision,
    string? ChangeCause,
    string ReplicaSet,
    IReadOnlyList<string> Images,
    DateTimeOffset? Created,
    int Replicas,
    int ReadyReplicas,
    bool IsCurrent);

/// <summary>Where a rollout stands: live while it runs, final in the run's result.</summary>
public sealed record RolloutProgress : IActionResult
{
    public required string Namespace { get; init; }

    public required string Deployment { get; init; }

    /// <summary>"restart", "undo" or "apply".</summary>
    public required string Change { get; init; }

    /// <summary>The revision before the change (null for a Deployment that did not exist).</summary>
    public long? FromRevision { get; init; }

    public long Revision { get; init; }

    public int Desired { get; init; }

    public int Updated { get; init; }

    public int Ready { get; init; }

    public bool Done { get; init; }

    /// <summary>Seconds since the change was requested.</summary>
    public double Seconds { get; init; }
}
