using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DemoConsole.Core.Pipeline;

/// <summary>Registers the GitHub pipeline: connection, demo commit, repository access check and follower.</summary>
public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="GitHubConnection"/>, <see cref="IDemoCommitService"/>, <see cref="IRepositoryAccessCheck"/> and
    /// <see cref="IPipelineFollower"/> (which needs a registered <c>IClusterViews</c>). Options are resolved when first
    /// needed, so a sandbox's GitHub address known only at start-up can be used.
    /// </summary>
    public static IServiceCollection AddPipeline(this IServiceCollection services, Func<IServiceProvider, GitHubOptions> options)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new GitHubConnection(() => options(sp), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IDemoCommitService, DemoCommitService>();
        services.TryAddSingleton<IRepositoryAccessCheck, RepositoryAccessCheck>();
        services.TryAddSingleton<IPipelineFollower, PipelineFollower>();
        return services;
    }
}
