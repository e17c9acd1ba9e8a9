using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DemoConsole.Core.Observability;

/// <summary>Registers the metrics read side: <see cref="IMetricsClient"/> over HTTP and the shared <see cref="IMetricsFeeds"/>.</summary>
public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>Needs <see cref="IMetricsEndpoints"/> and an <see cref="Scenarios.IScenarioSource"/> from the host.</summary>
    public static IServiceCollection AddObservability(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        // The client's own deadline (IMetricsEndpoints.Timeout) is the one that counts; HttpClient's default 100 s would hide a hang.
        services.AddHttpClient<IMetricsClient, MetricsClient>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<MetricsFeeds>();
        services.TryAddSingleton<IMetricsFeeds>(sp => sp.GetRequiredService<MetricsFeeds>());
        return services;
    }
}
