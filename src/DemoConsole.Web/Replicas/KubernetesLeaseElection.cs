using System.Net;
using System.Threading.Channels;
using DemoConsole.Core.Cluster;
using k8s;
using k8s.Autorest;
using k8s.LeaderElection;
using k8s.Models;

namespace DemoConsole.Web.Replicas;

/// <summary>
/// The leader as the holder of a coordination.k8s.io Lease, through KubernetesClient's own leader election
/// (<see cref="LeaderElector"/> with a <see cref="k8s.LeaderElection.ResourceLock.LeaseLock"/>) on the console's cluster
/// connection. The holder renews every <see cref="RetryPeriod"/>; another replica takes the lease when it has seen no
/// renewal for <see cref="LeaseDuration"/>, so a dead leader is replaced 6-12 s after it died (the last renewal is up
/// to one retry old, and so is the other's last look). A leader that cannot renew for <see cref="RenewDeadline"/>
/// steps down, before anyone else could take over. Failures (API server away, RBAC missing) are logged in the API
/// server's words when they change and retried; they never stop the console. While leading, the replica also holds
/// the <see cref="RedisLeaderKey"/>, the fence the shared state's leader writes are checked against.
/// </summary>
public sealed partial class KubernetesLeaseElection(
    IClusterConnection cluster,
    LeaseLocation location,
    RedisReplicaConnection redis,
    TimeProvider time,
    ILogger<KubernetesLeaseElection> logger) : ILeaderElection
{
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(8);
    public static readonly TimeSpan RenewDeadline = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private readonly RedisLeaderKey _fence = new(redis);
    private readonly string _identity = redis.ReplicaId;
    private volatile bool _leading;
    private string? _problem;

    public string Description => $"Kubernetes Lease {location}";

    public string? Problem
    {
        get { lock (_gate) { return _problem; } }
    }

    public async Task RunAsync(Func<bool, Task> leads, CancellationToken stoppingToken)
    {
        // The elector calls back on its own task; the changes are handed on one at a time, in order.
        var changes = Channel.CreateUnbounded<bool>(new UnboundedChannelOptions { SingleReader = true });
        var forwarding = ForwardAsync(changes.Reader, leads);
        using var stopFence = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var fencing = KeepFenceAsync(stopFence.Token);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (ElectorOrNull(changes.Writer) is not { } elector)
                {
                    await DelayAsync(RetryPeriod, stoppingToken);
                    continue;
                }

                using (elector)
                {
                    await HoldWhileItCanAsync(elector, stoppingToken);
                }
            }
        }
        finally
        {
            changes.Writer.TryComplete();
            await forwarding;
            await stopFence.CancelAsync();
            await fencing;
        }
    }

    public async Task<string?> CurrentLeaderAsync()
    {
        try
        {
            var spec = (await cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync(location.Name, location.Namespace)).Spec;
            var renewed = spec?.RenewTime ?? spec?.AcquireTime;
            var lasts = TimeSpan.FromSeconds(spec?.LeaseDurationSeconds ?? (int)LeaseDuration.TotalSeconds);
            return spec?.HolderIdentity is { Length: > 0 } holder && renewed is { } at && new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) + lasts > time.GetUtcNow()
                ? holder
                : null;
        }
        catch (Exception ex) when (ex is HttpOperationException or HttpRequestException or ClusterUnavailableException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// Empties the holder if it is this replica, as client-go's ReleaseOnCancel does (a one-second lease renewed now):
    /// KubernetesClient's elector and client-go both take a lease without a holder at their next try. The replace
    /// carries the resourceVersion read, so a lease another replica took meanwhile is left alone (409).
    /// </summary>
    public async Task ReleaseAsync()
    {
        try
        {
            var leases = cluster.Client.CoordinationV1;
            var lease = await leases.ReadNamespacedLeaseAsync(location.Name, location.Namespace);
            if (lease.Spec?.HolderIdentity != _identity)
            {
                return;
            }

            lease.Spec.HolderIdentity = "";
            lease.Spec.LeaseDurationSeconds = 1;
            lease.Spec.RenewTime = time.GetUtcNow().UtcDateTime;
            await leases.ReplaceNamespacedLeaseAsync(lease, location.Name, location.Namespace);
            await FenceAsync(_fence.ReleaseAsync);
            LogReleased(location);
        }
        catch (Exception ex) when (ex is HttpOperationException or HttpRequestException or ClusterUnavailableException or TaskCanceledException)
        {
            // Not given back: the lease runs out by itself.
        }
    }

    private LeaderElector? ElectorOrNull(ChannelWriter<bool> changes)
    {
        try
        {
            var lease = new ObservedLeaseLock(cluster.Client, location.Namespace, location.Name, _identity, Report);
            var elector = new LeaderElector(new LeaderElectionConfig(lease)
            {
                LeaseDuration = LeaseDuration,
                RenewDeadline = RenewDeadline,
                RetryPeriod = RetryPeriod,
            });
            elector.OnStartedLeading += () => changes.TryWrite(true);
            elector.OnStoppedLeading += () => changes.TryWrite(false);
            elector.OnError += OnError;
            return elector;
        }
        catch (ClusterUnavailableException ex)
        {
            // No client can be built (in-cluster files missing): said once, tried again.
            Report(ex.Message);
            return null;
        }
    }

    /// <summary>Acquires, holds until the lease is lost, and tries again; only stopping ends it.</summary>
    private async Task HoldWhileItCanAsync(LeaderElector elector, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await elector.RunUntilLeadershipLostAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The elector lets a failed read escape while acquiring (API server unreachable): try again after a pause.
                OnError(ex);
                await DelayAsync(RetryPeriod, stoppingToken);
            }
        }
    }

    private void OnError(Exception? error)
    {
        switch (error)
        {
            case HttpOperationException { Response.StatusCode: HttpStatusCode.NotFound or HttpStatusCode.Conflict }:
            case OperationCanceledException:
            case null:
                return;
            case HttpOperationException refusal:
                Report(ObservedLeaseLock.Describe(refusal));
                return;
            case AggregateException aggregate when aggregate.InnerException is { } inner:
                OnError(inner);
                return;
            default:
                Report($"{error.GetType().Name}: {error.Message}");
                return;
        }
    }

    /// <summary>Keeps the current problem (null: the last call went through) and logs each change once, not every retry.</summary>
    private void Report(string? problem)
    {
        string? previous;
        lock (_gate)
        {
            previous = _problem;
            _problem = problem;
        }

        if (problem == previous)
        {
            return;
        }

        if (problem is null)
        {
            LogWorksAgain(location);
        }
        else
        {
            LogProblem(location, problem);
        }
    }

    /// <summary>
    /// Hands each change on: a new leader claims the fence before it writes anything as leader; one that stops gives
    /// the fence back first, so it cannot write as leader any more.
    /// </summary>
    private async Task ForwardAsync(ChannelReader<bool> changes, Func<bool, Task> leads)
    {
        await foreach (var leader in changes.ReadAllAsync())
        {
            _leading = leader;
            await FenceAsync(leader ? () => _fence.ClaimAsync(LeaseDuration) : _fence.ReleaseAsync);
            await leads(leader);
        }
    }

    /// <summary>Renews the fence while leading (or takes it again once Redis is back empty); it lapses with the lease when this replica dies.</summary>
    private async Task KeepFenceAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RetryPeriod, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (_leading)
                {
                    await FenceAsync(() => _fence.RenewAsync(LeaseDuration));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task FenceAsync(Func<Task> change)
    {
        try
        {
            await change();
        }
        catch (Exception ex) when (RedisReplicaConnection.IsUnavailable(ex))
        {
            // Redis away: the shared state waits for it anyway; the renewal takes the fence when it is back.
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, time, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(EventId = 1413, Level = LogLevel.Warning, Message = "The leader election on Lease {Lease} fails: {Problem}; this replica cannot lead until it works")]
    private partial void LogProblem(LeaseLocation lease, string problem);

    [LoggerMessage(EventId = 1414, Level = LogLevel.Information, Message = "The leader election on Lease {Lease} reaches the API server again")]
    private partial void LogWorksAgain(LeaseLocation lease);

    [LoggerMessage(EventId = 1415, Level = LogLevel.Information, Message = "Lease {Lease} given back on stopping")]
    private partial void LogReleased(LeaseLocation lease);
}
