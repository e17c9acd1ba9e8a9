using DemoConsole.Core.Actions;
using DemoConsole.Core.Panels;
using DemoConsole.Core.Scenarios;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DemoConsole.Core.Cluster;

/// <summary>Registers the read side of the cluster: live views, the log tail and the pre-flight checks.</summary>
public static class ClusterViewsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IClusterViews"/> (one instance, watching from first use), <see cref="ILogTail"/>, the shared
    /// <see cref="FrameProbe"/> and
    /// <see cref="IPreflightChecks"/> (gateway from <see cref="IGatewayAddress"/> when registered). Needs <see cref="IClusterConnection"/>
    /// from the host; <see cref="TimeProvider"/> and logging default to the system's and none. Without
    /// <paramref name="options"/> the namespaces are the scenario's Targets.Namespaces when an
    /// <see cref="IScenarioSource"/> is registered and names some, otherwise the runbook's four.
    /// </summary>
    public static IServiceCollection AddClusterViews(this IServiceCollection services, ClusterViewsOptions? options = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.TryAddSingleton(sp => options ?? FromScenario(sp.GetService<IScenarioSource>()));
        services.TryAddSingleton(sp => new ClusterViews(
            sp.GetRequiredService<ClusterViewsOptions>(),
            sp.GetRequiredService<IClusterConnection>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton<IClusterViews>(sp => sp.GetRequiredService<ClusterViews>());
        services.TryAddSingleton<ILogTail>(sp => new LogTail(
            sp.GetRequiredService<IClusterConnection>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<ClusterViewsOptions>().Informer));
        // One probe for the process: its cache is what spares the panels' servers a probe per panel per screen.
        services.AddHttpClient(FrameProbe.HttpClientName);
        services.TryAddSingleton<FrameProbe>();

        services.AddHttpClient(nameof(PreflightChecks));
        services.TryAddTransient<IPreflightChecks>(sp => new PreflightChecks(
            sp.GetRequiredService<IClusterConnection>(),
            sp.GetService<IGatewayAddress>(),
            sp.GetRequiredService<FrameProbe>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(PreflightChecks)),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ClusterViewsOptions>()));
        return services;
    }

    private static ClusterViewsOptions FromScenario(IScenarioSource? scenarios)
    {
        var targets = scenarios?.Current.Scenario.Targets;
        var options = targets?.Namespaces is { Count: > 0 } namespaces ? new ClusterViewsOptions { Namespaces = [.. namespaces] } : new ClusterViewsOptions();
        return targets?.ApplicationNamespace is { Length: > 0 } application ? options with { ApplicationNamespace = application } : options;
    }
}
