using System.Collections.Concurrent;
using DemoConsole.Core.Scenarios;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>
/// Pod-kill planning for the UI and the handler: the cheap guard rails, the confirmation preview with the API's
/// server-side dry run, and the plan a run executes. A preview of an action pins its pod: a run of that action
/// within <see cref="ClusterActionOptions.PreviewValidity"/> deletes exactly the pod the presenter confirmed.
/// </summary>
public sealed class PodKillService
{
    private readonly IClusterConnection _cluster;
    private readonly ClusterGuardRails _rails;
    private readonly KillLedger _ledger;
    private readonly TimeProvider _time;
    private readonly PodKillPlanner _planner;
    private readonly ConcurrentDictionary<string, (string Pod, DateTimeOffset Until)> _pinned = new(StringComparer.Ordinal);

    public PodKillService(IClusterConnection cluster, ClusterGuardRails rails, KillLedger ledger, TimeProvider time)
    {
        _cluster = cluster;
        _rails = rails;
        _ledger = ledger;
        _time = time;
        _planner = new PodKillPlanner(cluster, rails, ledger);
    }

    public ClusterGuardRails GuardRails => _rails;

    /// <summary>
    /// The guard rails that need no cluster call (parameters, namespace, protected names, minimum interval):
    /// null when the action may be tried, otherwise the reason, for the disabled button.
    /// </summary>
    public string? Validate(ActionDefinition action)
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

    /// <summary>Previews a scenario action and pins the chosen pod for its next run.</summary>
    public async Task<PodKillPreview> PreviewAsync(ActionDefinition action, CancellationToken cancellationToken)
    {
        var target = PodKillTarget.From(action, _rails, out var problem);
        if (target is null)
        {
            return new PodKillPreview { Plan = PodKillPlan.Refused(_rails.NamespaceOf(action), problem ?? "Unusable parameters."), DryRunProblem = "not sent" };
        }

        var preview = await PreviewAsync(target, cancellationToken);
        if (preview.CanKill && preview.Plan.Pod is { } pod && preview.ValidUntil is { } until)
        {
            _pinned[action.Id] = (pod, until);
        }
        else
        {
            _pinned.TryRemove(action.Id, out _);
        }

        return preview;
    }

    /// <summary>Previews any target (e.g. a pod picked from the live list): the plan and a dry-run delete, nothing deleted.</summary>
    public async Task<PodKillPreview> PreviewAsync(PodKillTarget target, CancellationToken cancellationToken)
    {
        var plan = await _planner.PlanAsync(target, null, cancellationToken);
        if (!plan.Allowed)
        {
            return new PodKillPreview { Plan = plan, DryRunProblem = "not sent: the guard rails refused the kill" };
        }

        try
        {
            await _cluster.Client.CoreV1.DeleteNamespacedPodAsync(plan.Pod, plan.Namespace, DeleteOptions(plan), dryRun: "All",
                cancellationToken: cancellationToken);
            return new PodKillPreview { Plan = plan, DryRunAccepted = true, ValidUntil = _time.GetUtcNow() + _rails.Options.PreviewValidity };
        }
        catch (HttpOperationException e)
        {
            return new PodKillPreview { Plan = plan, DryRunProblem = ApiErrors.Describe(e) };
        }
    }

    /// <summary>The plan a run of <paramref name="action"/> executes: the pinned pod while its preview is valid, else a fresh pick.</summary>
    internal async Task<PodKillPlan> PlanForRunAsync(ActionDefinition action, CancellationToken cancellationToken)
    {
        var target = PodKillTarget.From(action, _rails, out var problem);
        if (target is null)
        {
            return PodKillPlan.Refused(_rails.NamespaceOf(action), problem ?? "Unusable parameters.");
        }

        string? pinned = null;
        if (_pinned.TryRemove(action.Id, out var pin) && pin.Until > _time.GetUtcNow())
        {
            pinned = pin.Pod;
        }

        var plan = await _planner.PlanAsync(target, pinned, cancellationToken);
        return pinned is not null && plan.Pod != pinned && plan.Allowed
            ? plan with { Refusal = $"The confirmed pod {pinned} is no longer there to delete; preview again." }
            : plan;
    }

    /// <summary>The delete is conditional on the pod's uid, so a pod recreated under the same name is never hit.</summary>
    internal static V1DeleteOptions DeleteOptions(PodKillPlan plan) => new() { Preconditions = new V1Preconditions { Uid = plan.PodUid } };
}
