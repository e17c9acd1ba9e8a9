using DemoConsole.Core.Actions;
using DemoConsole.Core.Cluster.Actions;
using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Cluster.Faults;

/// <summary>What an inject-fault or clear-fault run did: the deployment, the fault, and whether it is now on.</summary>
public sealed record FaultState : IActionResult
{
    public required string Namespace { get; init; }

    public required string Deployment { get; init; }

    /// <summary>"crash-loop", "oom-kill", "image-pull" or "readiness"; null for a clear.</summary>
    public string? Fault { get; init; }

    public required bool Active { get; init; }

    /// <summary>The missing image an image-pull fault patched into the deployment.</summary>
    public string? Image { get; init; }

    /// <summary>
    /// After a clear: the deployment followed back to every desired replica Ready (emergency plan 2's "wait for
    /// self-healing"), live; <see cref="RolloutProgress.Seconds"/> is the time from the clear.
    /// </summary>
    public RolloutProgress? Healing { get; init; }

    /// <summary>Why the clear does not wait for the pods (an image-pull fault heals only with a rollout undo).</summary>
    public UiMessage? NotFollowed { get; init; }
}
