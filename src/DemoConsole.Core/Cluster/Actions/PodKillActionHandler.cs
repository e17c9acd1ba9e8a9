using System.Globalization;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Actions.Kinds;
using DemoConsole.Core.Load;
using DemoConsole.Core.Messages;
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
    ActionKindDescriptor descriptor,
    PodKillService kills,
    IClusterConnection cluster,
    ILoadEngine engine,
    IGatewayAddress gateway,
    KillLedger ledger,
    TimeProvider time) : IActionHandler, IDisposable
{
    /// <summary>Availability figures refresh at a screen's pace; timeline steps are reported as they are seen.</summary>
    private static readonly TimeSpan ReportEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Held from planning until the delete was accepted, so two kills cannot both count the same Ready pod as the one
    /// that stays (after the delete the victim is terminating, which the next plan no longer counts as Ready).
    /// </summary>
    private readonly SemaphoreSlim _killing = new(1, 1);

    public ActionKindDescriptor Descriptor { get; } = descriptor == PodKillKind.Descriptor
        ? descriptor
        : throw new ArgumentException($"'{descriptor.Name}' is not the pod-kill kind.", nameof(descriptor));

    public void Dispose() => _killing.Dispose();

    public UiMessage? Validate(ActionDefinition action) => kills.Validate(action);

    /// <summary>Which pod, proven by the API server's dry run; the plan is the pin a confirmed run deletes.</summary>
    public async Task<ActionPreview> PreviewAsync(ActionDefinition action, CancellationToken cancellationToken)
    {
        var preview = await kills.PreviewAsync(action, cancellationToken);
        var plan = preview.Plan;
        var target = plan.Pod is null ? null : $"pod {plan.Pod} (uid {plan.PodUid}) in {plan.Namespace}";
        return preview.CanKill
            ? new ActionPreview(preview.Summary, target, true, null, plan)
            : new ActionPreview(preview.Summary, target, false, plan.Refusal ?? preview.DryRunProblem);
    }

    public async Task<ActionOutcome> RunAsync(ActionRunContext context, CancellationToken cancellationToken)
    {
        await _killing.WaitAsync(cancellationToken);
        PodKillPlan plan;
        RecoveryWatch watch;
        AvailabilityProbe probe;
        try
        {
            plan = await kills.PlanForRunAsync(context.Action, context.Pin as PodKillPlan, cancellationToken);
            if (!plan.Allowed)
            {
                return ActionOutcome.Refused(plan.Summary);
            }

            // Checked and recorded in one step: two runs started at once cannot both pass the minimum interval.
            if (ledger.TryRecord() is { } tooSoon)
            {
                return ActionOutcome.Refused(new UiMessage("Actions_RefusedReason", tooSoon));
            }

            watch = await RecoveryWatch.PrepareAsync(cluster.Client, plan, time, kills.GuardRails.Options.WatchWindow, cancellationToken);
            probe = AvailabilityProbe.Start(engine, gateway, kills.GuardRails.Options, cancellationToken);
            watch.MarkDeleteRequested();
            try
            {
                await cluster.Client.CoreV1.DeleteNamespacedPodAsync(plan.Pod, plan.Namespace, PodKillService.DeleteOptions(plan), cancellationToken: cancellationToken);
            }
            catch (Exception e)
            {
                // Nothing was deleted, so the probe must not outlive this run whatever went wrong.
                await probe.DisposeAsync();
                if (e is HttpOperationException refused)
                {
                    return ActionOutcome.Failed(new UiMessage("Cluster_DeleteRefused", plan.Pod, ApiErrors.Describe(refused)));
                }

                throw;
            }
        }
        finally
        {
            _killing.Release();
        }

        await using (probe)
        {
            return await FollowRecoveryAsync(context, plan, watch, probe, cancellationToken);
        }
    }

    private async Task<ActionOutcome> FollowRecoveryAsync(ActionRunContext context, PodKillPlan plan, RecoveryWatch watch, AvailabilityProbe probe, CancellationToken cancellationToken)
    {
        var options = kills.GuardRails.Options;
        var gate = new Lock();
        void Publish()
        {
            lock (gate)
            {
                context.Report(watch.Snapshot(probe.Counts, ended: false));
            }
        }

        watch.Changed += Publish;
        Publish();
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
            : ActionOutcome.Failed(new UiMessage("Cluster_NoReplacement", plan.Pod, options.RecoveryTimeout.TotalSeconds, Availability(timeline.Availability)), timeline);
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
    internal static UiMessage Summary(RecoveryTimeline t) =>
        new("Cluster_Recovered", t.KilledPod, t.ReplacementPod, t.RecoverySeconds, Availability(t.Availability));

    private static UiMessage Availability(AvailabilityCounts a)
    {
        if (a.NotMeasured is { } reason)
        {
            return new UiMessage("Cluster_AvailabilityNotMeasured", reason);
        }

        var statuses = string.Join(", ", a.StatusCounts.OrderBy(c => c.Key).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Value} × {c.Key}")));
        return statuses.Length > 0
            ? new UiMessage("Cluster_AvailabilityStatuses", a.Requests, a.Failed, statuses)
            : new UiMessage("Cluster_Availability", a.Requests, a.Failed);
    }
}
