using DemoConsole.Core.Actions;
namespace DemoConsole.Core.Cluster.Actions;

/// <summary>What an apply-manifest or delete-manifest run did to each object of the manifest.</summary>
public sealed record ManifestRunResult(string Manifest, string Change, IReadOnlyList<ManifestObjectResult> Objects) : IActionResult
{
    /// <summary>The applied Deployments' rollouts, when applying (empty otherwise).</summary>
    public IReadOnlyList<RolloutProgress> Rollouts { get; init; } = [];
}

/// <summary>One object: "applied", "deleted", "absent" (nothing to delete) or "pending".</summary>
public sealed record ManifestObjectResult(string Kind, string Name, string Namespace, string Outcome);
