using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DemoConsole.Web.Replicas;

/// <summary>
/// Ready, with replicas, once this replica has reached Redis: before that it has neither the shared session nor the
/// sign-in keys (the sign-in page cannot be served). A replica that reached it once stays ready while Redis is away:
/// it keeps serving what it has, and taking every replica out of the Service at once would help nobody.
/// </summary>
public sealed class SharedStateReachedCheck(RedisReplicaConnection redis) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(redis.EverConnected
            ? HealthCheckResult.Healthy(redis.IsConnected ? "shared state reached" : "shared state reached before; Redis unreachable now, serving what this replica has")
            : HealthCheckResult.Unhealthy("Redis (DemoConsole:Redis) has not been reached since start: no shared session, no sign-in keys yet"));
}
