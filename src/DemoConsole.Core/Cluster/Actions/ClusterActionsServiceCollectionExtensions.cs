using DemoConsole.Core.Scenarios;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>Registers what the cluster action kinds share; their handlers come from the kind catalog.</summary>
public static class ClusterActionsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the guard rails, the kill ledger, the ledger of objects created in this session (<see cref="SessionDeployments"/>),
    /// <see cref="PodKillService"/>, <see cref="DeploymentRollouts"/>, <see cref="ManifestLocator"/> and <see cref="Faults.SandboxFaults"/>
    /// over the registered <see cref="IClusterConnection"/>, <see cref="IScenarioSource"/> and
    /// <see cref="TimeProvider"/>: one set, shared by every cluster action handler and the UI.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="options">The guard rails; resolved when first needed, so a sandbox folder known only at start-up can be used.
    /// Invalid options throw <see cref="ArgumentException"/> naming every problem.</param>
    public static IServiceCollection AddClusterActions(this IServiceCollection services, Func<IServiceProvider, ClusterActionOptions> options)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var value = options(sp);
            var problems = value.Validate();
            return problems.Count == 0 ? value : throw new ArgumentException("Cluster action options: " + string.Join(" ", problems), nameof(options));
        });
        services.TryAddSingleton<ClusterGuardRails>();
        services.TryAddSingleton<KillLedger>();
        services.TryAddSingleton<SessionDeployments>();
        services.TryAddSingleton<PodKillService>();
        services.TryAddSingleton<DeploymentRollouts>();
        services.TryAddSingleton<ManifestLocator>();
        services.TryAddSingleton<Faults.SandboxFaults>();
        return services;
    }
}
