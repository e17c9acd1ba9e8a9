using DemoConsole.Core.Actions;
using DemoConsole.Core.Load;
using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>
/// The cluster action handlers (pod-kill, rollout-restart, rollout-undo, apply-manifest, delete-manifest) and the
/// services the UI reads from (kill preview, rollout history), built once over the same guard rails, so a host
/// can concatenate <see cref="All"/> with its other handlers for the <see cref="ActionExecutor"/>.
/// </summary>
public sealed class ClusterActionHandlers : IDisposable
{
    public ClusterActionHandlers(
        IClusterConnection cluster,
        ILoadEngine engine,
        IGatewayAddress gateway,
        ClusterActionOptions options,
        TimeProvider time,
        IScenarioSource? scenarios = null)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Cluster action options: " + string.Join(" ", problems), nameof(options));
        }

        GuardRails = new ClusterGuardRails(options, scenarios);
        Ledger = new KillLedger(options, time);
        Kills = new PodKillService(cluster, GuardRails, Ledger, time);
        Rollouts = new DeploymentRollouts(cluster, time);
        Manifests = new ManifestLocator(options);
        All =
        [
            new PodKillActionHandler(Kills, cluster, engine, gateway, Ledger, time),
            new RolloutActionHandler(ActionKinds.RolloutRestart, Rollouts, GuardRails, time),
            new RolloutActionHandler(ActionKinds.RolloutUndo, Rollouts, GuardRails, time),
            new ManifestActionHandler(ActionKinds.ApplyManifest, cluster, Manifests, GuardRails, Rollouts, time),
            new ManifestActionHandler(ActionKinds.DeleteManifest, cluster, Manifests, GuardRails, Rollouts, time),
        ];
    }

    public ClusterGuardRails GuardRails { get; }

    /// <summary>The minimum-interval memory shared by every kill.</summary>
    public KillLedger Ledger { get; }

    /// <summary>Kill previews (confirmation dialog with server-side dry run).</summary>
    public PodKillService Kills { get; }

    /// <summary>Rollout history for the UI; restart and undo for the handlers.</summary>
    public DeploymentRollouts Rollouts { get; }

    public ManifestLocator Manifests { get; }

    /// <summary>Every cluster action handler, for <see cref="ActionExecutor"/>.</summary>
    public IReadOnlyList<IActionHandler> All { get; }

    public void Dispose()
    {
        foreach (var handler in All.OfType<IDisposable>())
        {
            handler.Dispose();
        }
    }
}
