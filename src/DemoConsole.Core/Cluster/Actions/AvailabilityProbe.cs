using DemoConsole.Core.Actions;
using DemoConsole.Core.Load;
using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>
/// A light, steady stream of requests to the gateway while a killed pod is replaced, on the load engine (so
/// its caps and allowed targets apply). Counts are read at any time; a probe that could not start says why.
/// </summary>
internal sealed class AvailabilityProbe : IAsyncDisposable
{
    private readonly ILoadRun? _run;
    private readonly UiMessage? _notMeasured;

    private AvailabilityProbe(ILoadRun? run, UiMessage? notMeasured)
    {
        _run = run;
        _notMeasured = notMeasured;
    }

    public static AvailabilityProbe Start(ILoadEngine engine, IGatewayAddress gateway, ClusterActionOptions options, CancellationToken cancellationToken)
    {
        if (gateway.Gateway is not { } target)
        {
            return new AvailabilityProbe(null, new UiMessage("Cluster_NoGatewayNoAvailability"));
        }

        var plan = LoadPlan.Steady(target, options.AvailabilityPath, options.AvailabilityInterval) with { Timeout = TimeSpan.FromSeconds(5) };
        var started = engine.Start(plan, cancellationToken);
        return started.Started ? new AvailabilityProbe(started.Run, null) : new AvailabilityProbe(null, started.Text);
    }

    /// <summary>Snapshots as the probe's figures change (at most one per <paramref name="every"/>); empty when not measuring.</summary>
    public IAsyncEnumerable<LoadSnapshot> WatchAsync(TimeSpan every, CancellationToken cancellationToken) =>
        _run?.WatchAsync(every, cancellationToken) ?? AsyncEnumerable.Empty<LoadSnapshot>();

    public AvailabilityCounts Counts => _run is null ? AvailabilityCounts.Unmeasured(_notMeasured ?? new UiMessage("Cluster_NotMeasured")) : Count(_run.GetSnapshot());

    /// <summary>Stops sending and returns the final counts (requests cut off by the stop are not counted).</summary>
    public async Task<AvailabilityCounts> StopAsync()
    {
        if (_run is null)
        {
            return Counts;
        }

        _run.Stop();
        var result = await _run.Completion;
        return Count(result.Snapshot);
    }

    public async ValueTask DisposeAsync()
    {
        if (_run is not null)
        {
            await _run.DisposeAsync();
        }
    }

    internal static AvailabilityCounts Count(LoadSnapshot s) => new()
    {
        Requests = s.Completed,
        Failed = s.Errors + s.StatusCounts.Where(c => c.Key is < 200 or >= 400).Sum(c => c.Value),
        StatusCounts = s.StatusCounts,
        Errors = s.Errors,
    };
}
