using DemoConsole.Core.Actions;
using DemoConsole.Core.Actions.Kinds;
using DemoConsole.Core.Cluster;
using DemoConsole.Core.Cluster.Actions;
using DemoConsole.Core.Load;
using DemoConsole.Core.Scenarios;
using DemoConsole.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace DemoConsole.Core.Tests.Cluster.Actions;

public sealed class ClusterActionsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddActionKinds_WithClusterActions_RegistersEveryKindWithAHandlerOnceOverOneSetOfServices()
    {
        using var provider = Services(new ClusterActionOptions { AllowedNamespaces = ["demo"] }).BuildServiceProvider();

        var handlers = provider.GetServices<IActionHandler>().ToList();

        Assert.Equal(ActionKindCatalog.All.Where(k => k.HandlerType is not null).Select(k => k.Name), handlers.Select(h => h.Descriptor.Name));
        Assert.All(handlers, h => Assert.IsType(ActionKindCatalog.Find(h.Descriptor.Name)!.HandlerType!, h));
        Assert.Equal(["demo"], provider.GetRequiredService<ClusterGuardRails>().AllowedNamespaces);
        Assert.Same(provider.GetRequiredService<PodKillService>(), provider.GetRequiredService<PodKillService>());
    }

    [Fact]
    public void Resolve_InvalidOptions_ThrowsWithEveryProblem()
    {
        var options = new ClusterActionOptions { AvailabilityInterval = TimeSpan.FromMilliseconds(1), AvailabilityPath = "blog", ManifestFolders = ["relative"] };
        using var provider = Services(options).BuildServiceProvider();

        var error = Assert.Throws<ArgumentException>(() => provider.GetServices<IActionHandler>().ToList());

        Assert.Contains("AvailabilityInterval", error.Message);
        Assert.Contains("AvailabilityPath", error.Message);
        Assert.Contains("'relative'", error.Message);
    }

    private static ServiceCollection Services(ClusterActionOptions options)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClusterConnection>(new ClusterConnection(() => new ClusterTarget(ClusterMode.Sandbox)));
        services.AddSingleton<ILoadEngine>(new HttpLoadEngine(new LoadCaps()));
        services.AddSingleton<IGatewayAddress>(new NoGateway());
        services.AddSingleton<IScenarioSource>(new TestScenarioSource(DefaultScenario.Load()));
        services.AddClusterActions(_ => options);
        services.AddActionKinds();
        return services;
    }

    private sealed class NoGateway : IGatewayAddress
    {
        public Uri? Gateway => null;
    }
}
