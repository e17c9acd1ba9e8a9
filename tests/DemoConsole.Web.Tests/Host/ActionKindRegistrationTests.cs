using DemoConsole.Core.Actions;
using DemoConsole.Core.Actions.Kinds;
using DemoConsole.Tests.Shared.Web;
using DemoConsole.Web.Components.Panels.Results;
using Microsoft.Extensions.DependencyInjection;

namespace DemoConsole.Web.Tests.Host;

/// <summary>The console's registrations agree with the kind catalog: no handler without a descriptor, no built kind without its handler.</summary>
public sealed class ActionKindRegistrationTests : IDisposable
{
    private readonly ConsoleWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public void Console_EveryRegisteredHandler_HasItsCatalogDescriptor()
    {
        var handlers = _factory.Services.GetServices<IActionHandler>().ToList();

        Assert.All(handlers, h => Assert.Same(ActionKindCatalog.Find(h.Descriptor.Name), h.Descriptor));
        Assert.Equal(handlers.Count, handlers.Select(h => h.Descriptor.Name).Distinct().Count());
    }

    [Fact]
    public void Console_EveryCatalogKindWithAHandlerType_IsRegisteredWithThatHandler()
    {
        var handlers = _factory.Services.GetServices<IActionHandler>().ToDictionary(h => h.Descriptor.Name);

        foreach (var kind in ActionKindCatalog.All.Where(k => k.HandlerType is not null))
        {
            Assert.True(handlers.TryGetValue(kind.Name, out var handler), $"{kind.Name} has no registered handler");
            Assert.IsType(kind.HandlerType!, handler);
        }
    }

    [Fact]
    public void Catalog_EveryBuiltKindsResultType_IsAnActionResultWithAViewOrTheFieldFallback()
    {
        foreach (var kind in ActionKindCatalog.All.Where(k => k.HandlerType is not null))
        {
            Assert.True(typeof(IActionResult).IsAssignableFrom(kind.ResultType), $"{kind.Name}: {kind.ResultType.Name} is not an IActionResult");
        }

        Assert.True(ResultViews.HasView(typeof(Core.Load.LoadSnapshot)));
        Assert.True(ResultViews.HasView(typeof(Core.Cluster.Actions.RecoveryTimeline)));
    }

    [Fact]
    public void Catalog_KindsWithoutAHandler_SayWhyTheirButtonIsDisabled()
    {
        Assert.All(ActionKindCatalog.All.Where(k => k.HandlerType is null), k => Assert.False(string.IsNullOrWhiteSpace(k.NotBuiltReason)));
    }
}
