using System.Globalization;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Load;
using DemoConsole.Core.Scenarios;
using k8s;
using k8s.Autorest;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>
/// Runs <c>pod-kill</c>: re-checks every guard rail against the live cluster, deletes the pod (conditional on
/// its uid), then reports the recovery timeline live while a light request stream measures the gateway's
/// availability, until the replacement is Ready. The final result is the <see cref="RecoveryTimeline"/>.
/// </summary>
public sealed class PodKillActionHandler(
    PodKillService kills,
    IClusterConnection cluster,
    ILoadEngine engine,
    IGatewayAddress gateway,
    KillLedger ledger,
    TimeProvider time) : IActionHandler
{
    /// <summary>Availability figures refresh at a screen's pace; timeline steps are reported as they are seen.</summary>
    private static readonly TimeSpan ReportEvery = TimeSpan.FromMilliseconds(250);

    public string Kind => ActionKinds.PodKill;

    public string? Validate(ActionDefinition action) => kills.Validate(action);

    public async Task<ActionOutcome> RunAsync(ActionRunContext context, CancellationToken cancellationToken)
    {
        var plan = await kills.PlanForRunAsync(context.Action, cancellationToken);
        if (!plan.Allowed)
        {
            return new ActionOutcome(ActionRunStatus.Refused, plan.Summary, plan);
        }

        // Checked and recorded in one step: two runs started at once cannot both pass the minimum interval.
        if (ledger.TryRecord() is { } tooSoon)
        {
            return new ActionOutcome(ActionRunStatus.Refused, "Refused: " + tooSoon, plan);
        }

        var options = kills.GuardRails.Options;
        var client = cluster.Client;
        var watch = await RecoveryWatch.PrepareAsync(client, plan, time, cancellationToken);
        await using var probe = AvailabilityProbe.Start(engine, gateway, options, cancellationToken);
        var gate = new Lock();
        void Publish()
        {
            lock (gate)
            {
                context.Report(watch.Snapshot(probe.Counts, ended: false));
            }
        }

        watch.Changed += Publish;
        watch.MarkDeleteRequested();
        try
        {
            await client.CoreV1.DeleteNamespacedPodAsync(plan.Pod, plan.Namespace, PodKillService.DeleteOptions(plan), cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e)
        {
            await probe.StopAsync();
            return ActionOutcome.Failed($"The API server refused to delete pod {plan.Pod}: {ApiErrors.Describe(e)}", plan);
        }

        using var timeout = new CancellationTokenSource(options.RecoveryTimeout, time);
        using var recovery = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var stopReporting = CancellationTokenSource.CreateLinkedTokenSource(recovery.Token);
        var reporting = ReportAvailabilityAsync(probe, Publish, stopReporting.Token);
        var recovered = true;
        try
        {
            await watch.RunAsync(recovery.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            recovered = false;
        }
        finally
        {
            watch.Changed -= Publish;
            await stopReporting.CancelAsync();
            await reporting;
        }

        var timeline = watch.Snapshot(await probe.StopAsync(), ended: true);
        context.Report(timeline);
        return recovered
            ? ActionOutcome.Succeeded(Summary(timeline), timeline)
            : ActionOutcome.Failed($"No Ready replacement for pod {plan.Pod} within {options.RecoveryTimeout.TotalSeconds:0} s. {Availability(timeline.Availability)}", timeline);
    }

    private static async Task ReportAvailabilityAsync(AvailabilityProbe probe, Action publish, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in probe.WatchAsync(ReportEvery, cancellationToken))
            {
                publish();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>"Pod a deleted; replacement b Ready after 4.2 s · 23 requests, 0 failed (23 × 200)".</summary>
    internal static string Summary(RecoveryTimeline t) => string.Create(CultureInfo.InvariantCulture,
        $"Pod {t.KilledPod} deleted; replacement {t.ReplacementPod} Ready after {t.RecoverySeconds:0.0} s · {Availability(t.Availability)}");

    private static string Availability(AvailabilityCounts a)
    {
        if (a.NotMeasured is { } reason)
        {
            return "Availability not measured: " + reason;
        }

        var statuses = string.Join(", ", a.StatusCounts.OrderBy(c => c.Key).Select(c => $"{c.Value} × {c.Key}"));
        return $"{a.Requests} requests, {a.Failed} failed{(statuses.Length > 0 ? $" ({statuses})" : "")}";
    }
}
