using Microsoft.Extensions.DependencyInjection;

namespace DemoConsole.Core.Actions.Kinds;

public static class ActionKindsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the handler of every kind in <paramref name="kinds"/> (default: <see cref="ActionKindCatalog.All"/>) as an
    /// <see cref="IActionHandler"/>, built from the container with its descriptor as the one extra argument. Kinds
    /// without a handler type are left out: the executor shows them disabled with their reason.
    /// </summary>
    public static IServiceCollection AddActionKinds(this IServiceCollection services, IEnumerable<ActionKindDescriptor>? kinds = null)
    {
        foreach (var kind in kinds ?? ActionKindCatalog.All)
        {
            if (kind.HandlerType is { } type)
            {
                services.AddSingleton(sp => (IActionHandler)ActivatorUtilities.CreateInstance(sp, type, kind));
            }
        }

        return services;
    }
}
