using DemoConsole.Core.Actions;
using DemoConsole.Core.Cluster;
using DemoConsole.Core.Observability;
using DemoConsole.Web.Configuration;
using DemoConsole.Web.Hosting;
using DemoConsole.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DemoConsole.Web.Replicas;

/// <summary>
/// Console replicas sharing state through Redis, on when <c>DemoConsole:Redis</c> (or <c>RedisFile</c>) names one.
/// Without it nothing here is registered and everything stays in the process, as on a laptop.
/// </summary>
public static class ReplicaServiceCollectionExtensions
{
    public const string Setting = DemoConsoleOptions.SectionName + ":Redis";

    public static bool Configured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[Setting]) || !string.IsNullOrWhiteSpace(configuration[Setting + "File"]);

    public static IServiceCollection AddReplicas(this IServiceCollection services, IConfiguration configuration)
    {
        if (!Configured(configuration))
        {
            return services;
        }

        // The connection string as bound at start: a RedisFile secret is read by then (see SecretFiles).
        services.AddSingleton(sp => new RedisReplicaConnection(
            sp.GetRequiredService<IOptions<DemoConsoleOptions>>().Value.Redis ?? "",
            sp.GetRequiredService<ILogger<RedisReplicaConnection>>()));
        services.AddSingleton(Election);
        services.AddSingleton<ReplicaLeadership>();
        services.AddHostedService(sp => sp.GetRequiredService<ReplicaLeadership>());
        services.AddSingleton<IActionLeader, RemoteActionLeader>();
        services.AddHostedService<SharedSession>();
        services.AddHostedService<SharedPresence>();
        services.AddHostedService<SharedRunBoard>();
        services.AddHostedService<LeaderRequestServer>();
        services.AddSharedViews();
        services.AddSharedRecordings();
        services.AddHealthChecks().AddCheck<SharedStateReachedCheck>("shared-state", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }

    /// <summary>The election <c>DemoConsole:Replicas:Election</c> names (by default the Lease in a pod, the Redis lock elsewhere).</summary>
    private static ILeaderElection Election(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DemoConsoleOptions>>().Value;
        var redis = services.GetRequiredService<RedisReplicaConnection>();
        var time = services.GetRequiredService<TimeProvider>();
        if (options.Replicas.ElectionFor(options.Cluster.Mode) == ReplicaElection.Redis)
        {
            return new RedisLockElection(redis, time, services.GetRequiredService<ILogger<RedisLockElection>>());
        }

        var cluster = services.GetRequiredService<IClusterConnection>();
        var location = LeaseLocation.For(cluster.Target, services.GetRequiredService<ClusterViewsOptions>().ApplicationNamespace);
        return new KubernetesLeaseElection(cluster, location, redis, time, services.GetRequiredService<ILogger<KubernetesLeaseElection>>());
    }

    /// <summary>
    /// Only the leader watches the cluster and polls the metrics; every replica's <see cref="IClusterViews"/> and
    /// <see cref="IMetricsFeeds"/> (what every screen injects) follow its snapshots through Redis. The in-process
    /// <see cref="ClusterViews"/> and <see cref="MetricsFeeds"/> stay registered as the leader's sources.
    /// </summary>
    private static void AddSharedViews(this IServiceCollection services)
    {
        services.AddSingleton(sp => new SharedClusterViews(
            sp.GetRequiredService<ClusterViewsOptions>(),
            () => new ClusterViews(
                sp.GetRequiredService<ClusterViewsOptions>(),
                sp.GetRequiredService<IClusterConnection>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>()),
            sp.GetRequiredService<RedisReplicaConnection>(),
            sp.GetRequiredService<ReplicaLeadership>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SharedClusterViews>>()));
        services.Replace(ServiceDescriptor.Singleton<IClusterViews>(sp => sp.GetRequiredService<SharedClusterViews>()));
        services.AddSingleton<SharedMetricsFeeds>();
        services.AddHostedService(sp => sp.GetRequiredService<SharedMetricsFeeds>());
        services.Replace(ServiceDescriptor.Singleton<IMetricsFeeds>(sp => sp.GetRequiredService<SharedMetricsFeeds>()));
    }

    /// <summary><c>GET /api/replica</c>: this replica's name, whether it leads, which replica does, and whether Redis answers.</summary>
    public static IEndpointRouteBuilder MapReplicaApi(this IEndpointRouteBuilder app)
    {
        var read = new AuthorizeAttribute { AuthenticationSchemes = ConsoleClaims.BearerScheme };
        app.MapGet("/api/replica", async (IServiceProvider services) =>
            services.GetService<RedisReplicaConnection>() is { } redis && services.GetService<ReplicaLeadership>() is { } leadership
                ? Results.Ok(new ReplicaDto(true, redis.ReplicaId, leadership.IsLeader, await leadership.CurrentLeaderAsync(), redis.IsConnected))
                : Results.Ok(new ReplicaDto(false, null, true, null, false)))
            .RequireAuthorization(read);
        return app;
    }

    public sealed record ReplicaDto(bool Shared, string? Replica, bool Leads, string? Leader, bool RedisConnected);
}
