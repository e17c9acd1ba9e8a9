using DemoConsole.Core.Messages;
using DemoConsole.Core.Scenarios;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>
/// Pod-kill planning for the UI and the handler: the cheap guard rails, the confirmation preview with the API's
/// server-side dry run, and the plan a run executes. A run given the previewed plan deletes exactly that pod (same
/// name and uid) or refuses; it never picks again.
/// </summary>
public sealed class PodKillService
{
    private readonly IClusterConnection _cluster;
    private readonly ClusterGuardRails _rails;
    private readonly KillLedger _ledger;
    private readonly PodKillPlanner _planner;

    public PodKillService(IClusterConnection cluster, ClusterGuardRails rails, KillLedger ledger)
    {
        _cluster = cluster;
        _rails = rails;
        _ledger = ledger;
        _planner = new PodKillPlanner(cluster, rails, ledger);
    }

    public ClusterGuardRails GuardRails => _rails;

    /// <summary>
    /// The guard rails that need no cluster call (parameters, namespace, protected names, minimum interval):
    /// null when the action may be tried, otherwise the reason, for the disabled button.
    /// </summary>
    public UiMessage? Validate(ActionDefinition action)
    {
        var target = PodKillTarget.From(action, _rails, out var problem);
        if (target is null)
        {
            return problem;
        }

        return _rails.CheckNamespace(target.Namespace)
            ?? (target.Deployment is { } name ? _rails.CheckWorkload("Deployment", name) : null)
            ?? _ledger.Check();
    }

    /// <summary>Previews a scenario action: which pod, proven by a dry-run delete. Nothing is deleted.</summary>
    public async Task<PodKillPreview> PreviewAsync(ActionDefinition action, CancellationToken cancellationToken)
    {
        var target = PodKillTarget.From(action, _rails, out var problem);
        return target is null
            ? new PodKillPreview { Plan = PodKillPlan.Refused(_rails.NamespaceOf(action), problem ?? new UiMessage("Cluster_UnusableParameters")), DryRunProblem = new UiMessage("Cluster_DryRunNotSent") }
            : await PreviewAsync(target, cancellationToken);
    }

    /// <summary>Previews any target (e.g. a pod picked from the live list): the plan and a dry-run delete, nothing deleted.</summary>
    public async Task<PodKillPreview> PreviewAsync(PodKillTarget target, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(target, null, cancellationToken);
        if (!plan.Allowed)
        {
            return new PodKillPreview { Plan = plan, DryRunProblem = new UiMessage("Cluster_DryRunGuardRails") };
        }

        try
        {
            await _cluster.Client.CoreV1.DeleteNamespacedPodAsync(plan.Pod, plan.Namespace, DeleteOptions(plan), dryRun: "All",
                cancellationToken: cancellationToken);
            return new PodKillPreview { Plan = plan, DryRunAccepted = true };
        }
        catch (HttpOperationException e)
        {
            return new PodKillPreview { Plan = plan, DryRunProblem = UiMessage.Verbatim(ApiErrors.Describe(e)) };
        }
    }

    /// <summary>
    /// The plan a run of <paramref name="action"/> executes: with a <paramref name="confirmed"/> plan, that very pod (the
    /// guard rails checked again on the live cluster) or a refusal; without one, a fresh pick.
    /// </summary>
    internal async Task<PodKillPlan> PlanForRunAsync(ActionDefinition action, PodKillPlan? confirmed, CancellationToken cancellationToken)
    {
        var target = PodKillTarget.From(action, _rails, out var problem);
        if (target is null)
        {
            return PodKillPlan.Refused(_rails.NamespaceOf(action), problem ?? new UiMessage("Cluster_UnusableParameters"));
        }

        var plan = await PlanAsync(target, confirmed?.Pod, cancellationToken);
        var same = plan.Pod == confirmed?.Pod && plan.PodUid == confirmed?.PodUid;
        return confirmed is not null && !same
            ? plan with { Pod = null, Refusal = new UiMessage("Cluster_ConfirmedPodGone", confirmed.Pod) }
            : plan;
    }

    /// <summary>
    /// The planner's reads (the workload, its pods) refused by the API server — a service account without get on
    /// deployments, say — become a refused plan in the server's words, not an error out of the preview.
    /// </summary>
    private async Task<PodKillPlan> PlanAsync(PodKillTarget target, string? preferredPod, CancellationToken cancellationToken)
    {
        try
        {
            return await _planner.PlanAsync(target, preferredPod, cancellationToken);
        }
        catch (HttpOperationException e)
        {
            return PodKillPlan.Refused(target.Namespace, new UiMessage("Cluster_KillReadRefused", ApiErrors.Describe(e)));
        }
    }

    /// <summary>The delete is conditional on the pod's uid, so a pod recreated under the same name is never hit.</summary>
    internal static V1DeleteOptions DeleteOptions(PodKillPlan plan) => new() { Preconditions = new V1Preconditions { Uid = plan.PodUid } };
}
