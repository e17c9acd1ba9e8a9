using DemoConsole.Core.Actions;
using DemoConsole.Web.Configuration;
using DemoConsole.Web.Hosting;
using DemoConsole.Web.Security;
using Microsoft.AspNetCore.Authorization;
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
        services.AddSingleton<ReplicaLeadership>();
        services.AddHostedService(sp => sp.GetRequiredService<ReplicaLeadership>());
        services.AddSingleton<IActionLeader, RemoteActionLeader>();
        services.AddHostedService<SharedSession>();
        services.AddHostedService<SharedPresence>();
        services.AddHostedService<SharedRunBoard>();
        services.AddHostedService<LeaderRequestServer>();
        services.AddSharedRecordings();
        services.AddHealthChecks().AddCheck<SharedStateReachedCheck>("shared-state", tags: [HealthEndpoints.ReadyTag]);
        return services;
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
