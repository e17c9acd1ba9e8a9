using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DemoConsole.Core.Load;

/// <summary>Registers the load engine.</summary>
public static class LoadServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ILoadEngine"/> with <paramref name="caps"/>, on the registered <see cref="TimeProvider"/> (system by default).</summary>
    public static IServiceCollection AddLoadEngine(this IServiceCollection services, LoadCaps caps)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILoadEngine>(provider => new HttpLoadEngine(caps, provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
