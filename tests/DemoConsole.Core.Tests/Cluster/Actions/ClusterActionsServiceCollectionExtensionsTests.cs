using DemoConsole.Core.Actions;
using DemoConsole.Core.Cluster;
using DemoConsole.Core.Cluster.Actions;
using DemoConsole.Core.Load;
using DemoConsole.Core.Scenarios;
using Microsoft.Extensions.DependencyInjection;

namespace DemoConsole.Core.Tests.Cluster.Actions;

public sealed class ClusterActionsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddClusterActions_Resolved_RegistersEveryClusterKindOnceOverOneSetOfServices()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClusterConnection>(new ClusterConnection(() => new ClusterTarget(ClusterMode.Sandbox)));
        services.AddSingleton<ILoadEngine>(new HttpLoadEngine(new LoadCaps()));
        services.AddSingleton<IGatewayAddress>(new NoGateway());
        services.AddClusterActions(_ => new ClusterActionOptions { AllowedNamespaces = ["demo"] });
        using var provider = services.BuildServiceProvider();

        var handlers = provider.GetServices<IActionHandler>().ToList();
        var set = provider.GetRequiredService<ClusterActionHandlers>();

        Assert.Equal(
            [ActionKinds.PodKill, ActionKinds.RolloutRestart, ActionKinds.RolloutUndo, ActionKinds.ApplyManifest, ActionKinds.DeleteManifest],
            handlers.Select(h => h.Kind));
        Assert.Equal(set.All, handlers);
        Assert.Same(set.Kills, provider.GetRequiredService<PodKillService>());
        Assert.Same(set.Rollouts, provider.GetRequiredService<DeploymentRollouts>());
        Assert.Equal(["demo"], set.GuardRails.AllowedNamespaces);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsWithEveryProblem()
    {
        var options = new ClusterActionOptions { AvailabilityInterval = TimeSpan.FromMilliseconds(1), AvailabilityPath = "blog", ManifestFolders = ["relative"] };

        var error = Assert.Throws<ArgumentException>(() => new ClusterActionHandlers(
            new ClusterConnection(() => new ClusterTarget(ClusterMode.Sandbox)),
            new HttpLoadEngine(new LoadCaps()), new NoGateway(), options, TimeProvider.System));

        Assert.Contains("AvailabilityInterval", error.Message);
        Assert.Contains("AvailabilityPath", error.Message);
        Assert.Contains("'relative'", error.Message);
    }

    private sealed class NoGateway : IGatewayAddress
    {
        public Uri? Gateway => null;
    }
}
