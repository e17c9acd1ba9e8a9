namespace DemoConsole.Web.Replicas;

/// <summary>
/// How the replicas choose their leader (<see cref="ReplicaLeadership"/> runs one of these): a lock in Redis
/// (<see cref="RedisLockElection"/>) or a Kubernetes Lease (<see cref="KubernetesLeaseElection"/>).
/// </summary>
public interface ILeaderElection
{
    /// <summary>Where the choice is kept, for the log (never a secret).</summary>
    string Description { get; }

    /// <summary>Why this replica cannot take part in the election right now (the API server's or Redis's words), or null.</summary>
    string? Problem { get; }

    /// <summary>
    /// Takes part until <paramref name="stoppingToken"/> is cancelled: calls <paramref name="leads"/> with true when this
    /// replica wins and with false when it stops leading, one call at a time. Failures are logged and retried, never thrown.
    /// </summary>
    Task RunAsync(Func<bool, Task> leads, CancellationToken stoppingToken);

    /// <summary>The replica leading now, or null (none, or the store cannot be read).</summary>
    Task<string?> CurrentLeaderAsync();

    /// <summary>On a clean stop, after <see cref="RunAsync"/> ended: gives the lead back if this replica holds it, so another leads at its next try.</summary>
    Task ReleaseAsync();
}
