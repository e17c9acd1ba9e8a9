namespace DemoConsole.Web.Replicas;

/// <summary>
/// Chooses the one replica that runs the work that must run once (the actions a presenter started), through the
/// election configured with <c>DemoConsole:Replicas:Election</c>: a lock in Redis (<see cref="RedisLockElection"/>) or a
/// Kubernetes Lease (<see cref="KubernetesLeaseElection"/>). Either way a dead leader is replaced within 15 s, a leader
/// that cannot renew steps down when its lease would run out, and a clean stop gives the lead back at once.
/// </summary>
public sealed partial class ReplicaLeadership(
    RedisReplicaConnection redis,
    TimeProvider time,
    ILogger<ReplicaLeadership> logger,
    ILeaderElection? election = null) : BackgroundService
{
    /// <summary>The Redis lock's time to live (<see cref="RedisLockElection"/>).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);

    /// <summary>How often the Redis lock is taken or renewed.</summary>
    public static readonly TimeSpan TryEvery = TimeSpan.FromSeconds(2);

    // Without a configured election (a host that registers none): the Redis lock, as before elections were configurable.
    private readonly ILeaderElection _election = election ?? new RedisLockElection(redis, time, Microsoft.Extensions.Logging.Abstractions.NullLogger<RedisLockElection>.Instance);
    private volatile bool _isLeader;

    public bool IsLeader => _isLeader;

    /// <summary>Raised on this replica becoming (true) or ceasing to be (false) the leader, on the election's task.</summary>
    public event Func<bool, Task>? Changed;

    /// <summary>The replica leading now, or null (none, or the election's store unreachable).</summary>
    public Task<string?> CurrentLeaderAsync() => _election.CurrentLeaderAsync();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogElection(redis.ReplicaId, _election.Description);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _election.RunAsync(SetAsync, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                // An election's own failures are retried inside it; whatever else escapes must not stop the console:
                // this replica follows, and takes part again after a pause.
                LogElectionFailed(ex.GetType().Name, ex.Message);
                await SetAsync(false);
                await PauseAsync(stoppingToken);
            }
        }
    }

    private async Task PauseAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TryEvery, time, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Given back at once, so another replica leads at its next try instead of after the lease.
        await _election.ReleaseAsync();
        await SetAsync(false);
    }

    private async Task SetAsync(bool leader)
    {
        if (leader == _isLeader)
        {
            return;
        }

        _isLeader = leader;
        LogChanged(redis.ReplicaId, leader ? "leads" : "follows");
        if (Changed is { } changed)
        {
            foreach (var handler in changed.GetInvocationList().Cast<Func<bool, Task>>())
            {
                try
                {
                    await handler(leader);
                }
                catch (Exception ex)
                {
                    // One listener's failure neither stops the others nor the election.
                    LogListenerFailed(leader ? "leading" : "following", ex.GetType().Name, ex.Message);
                }
            }
        }
    }

    [LoggerMessage(EventId = 1410, Level = LogLevel.Warning, Message = "Replica {Replica} now {Role}")]
    private partial void LogChanged(string replica, string role);

    [LoggerMessage(EventId = 1416, Level = LogLevel.Error, Message = "The leader election failed ({Failure}: {Reason}); this replica follows and takes part again")]
    private partial void LogElectionFailed(string failure, string reason);

    [LoggerMessage(EventId = 1417, Level = LogLevel.Error, Message = "A listener of this replica {Change} failed ({Failure}: {Reason})")]
    private partial void LogListenerFailed(string change, string failure, string reason);

    [LoggerMessage(EventId = 1412, Level = LogLevel.Information, Message = "Replica {Replica} takes part in the leader election through the {Election}")]
    private partial void LogElection(string replica, string election);
}
