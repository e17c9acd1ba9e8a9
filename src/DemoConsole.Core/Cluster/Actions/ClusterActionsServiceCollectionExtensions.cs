using DemoConsole.Core.Actions;
using DemoConsole.Core.Load;
using DemoConsole.Core.Scenarios;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>Registers the cluster actions.</summary>
public static class ClusterActionsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ClusterActionHandlers"/> (and its <see cref="PodKillService"/> and <see cref="DeploymentRollouts"/>)
    /// over the registered <see cref="IClusterConnection"/>, <see cref="ILoadEngine"/>, <see cref="IGatewayAddress"/> and
    /// <see cref="TimeProvider"/>, and each handler as an <see cref="IActionHandler"/>. A host that registers
    /// <c>IEnumerable&lt;IActionHandler&gt;</c> itself concatenates <see cref="ClusterActionHandlers.All"/> instead.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="options">The guard rails; resolved when first needed, so a sandbox folder known only at start-up can be used.</param>
    public static IServiceCollection AddClusterActions(this IServiceCollection services, Func<IServiceProvider, ClusterActionOptions> options)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ClusterActionHandlers(
            sp.GetRequiredService<IClusterConnection>(),
            sp.GetRequiredService<ILoadEngine>(),
            sp.GetRequiredService<IGatewayAddress>(),
            options(sp),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IScenarioSource>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<ClusterActionHandlers>().Kills);
        services.TryAddSingleton(sp => sp.GetRequiredService<ClusterActionHandlers>().Rollouts);
        foreach (var index in Enumerable.Range(0, 5))
        {
            services.AddSingleton<IActionHandler>(sp => sp.GetRequiredService<ClusterActionHandlers>().All[index]);
        }

        return services;
    }
}
