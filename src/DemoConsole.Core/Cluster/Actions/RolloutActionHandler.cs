using DemoConsole.Core.Actions;
using DemoConsole.Core.Actions.Kinds;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Scenarios;
using k8s.Autorest;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>
/// Runs <c>rollout-restart</c> and <c>rollout-undo</c> (see <see cref="RolloutKinds"/>), then follows the rollout until
/// every replica is updated and Ready, reporting <see cref="RolloutProgress"/> live. Refuses namespaces off the
/// allow-list and protected workloads. An undo previewed first goes back to exactly the previewed revision, and only
/// from the revision that was current then.
/// </summary>
public sealed class RolloutActionHandler(ActionKindDescriptor descriptor, DeploymentRollouts rollouts, ClusterGuardRails rails, TimeProvider time) : IActionHandler
{
    /// <summary>What a confirmed undo does: from this revision to that one.</summary>
    private sealed record UndoPin(long From, long To);

    public ActionKindDescriptor Descriptor { get; } = descriptor == RolloutKinds.Restart || descriptor == RolloutKinds.Undo
        ? descriptor
        : throw new ArgumentException($"'{descriptor.Name}' is not a rollout action kind.", nameof(descriptor));

    private bool Undoes => Descriptor == RolloutKinds.Undo;

    public UiMessage? Validate(ActionDefinition action) =>
        Descriptor.ParameterProblem(action)
        ?? rails.CheckNamespace(rails.NamespaceOf(action))
        ?? rails.CheckWorkload("Deployment", RolloutKinds.Deployment.Text(action) ?? "");

    public async Task<ActionPreview> PreviewAsync(ActionDefinition action, CancellationToken cancellationToken)
    {
        var ns = rails.NamespaceOf(action);
        var name = RolloutKinds.Deployment.Text(action) ?? "";
        var target = $"deployment {name} in {ns}";
        if (Validate(action) is { } refusal)
        {
            return ActionPreview.Refused(refusal, target);
        }

        if (!Undoes)
        {
            return ActionPreview.Sentence(new UiMessage("Cluster_RestartPreview", name, ns), target);
        }

        try
        {
            var history = await rollouts.HistoryAsync(ns, name, cancellationToken);
            var wanted = RolloutKinds.Revision.Count(action);
            var to = wanted is { } w ? history.Revisions.FirstOrDefault(r => r.Revision == w) : history.Previous;
            if (to is null || to.IsCurrent)
            {
                return ActionPreview.Refused(to is null
                    ? wanted is null ? new UiMessage("Cluster_NoPreviousRevision", name) : new UiMessage("Cluster_NoRevision", name, wanted)
                    : new UiMessage("Cluster_AlreadyCurrent", to.Revision), target);
            }

            var summary = to.Images.Count > 0
                ? new UiMessage("Cluster_UndoPreviewImages", name, ns, history.CurrentRevision, to.Revision, string.Join(", ", to.Images))
                : new UiMessage("Cluster_UndoPreview", name, ns, history.CurrentRevision, to.Revision);
            return new ActionPreview(summary,
                $"{target}, revision {history.CurrentRevision} → {to.Revision}", true, null, new UndoPin(history.CurrentRevision, to.Revision));
        }
        catch (HttpOperationException e)
        {
            return ActionPreview.Refused(new UiMessage("Cluster_DeploymentApiRefused", name, ns, ApiErrors.Describe(e)), target);
        }
    }

    public async Task<ActionOutcome> RunAsync(ActionRunContext context, CancellationToken cancellationToken)
    {
        if (Validate(context.Action) is { } refusal)
        {
            return ActionOutcome.Refused(refusal);
        }

        var ns = rails.NamespaceOf(context.Action);
        var name = RolloutKinds.Deployment.Text(context.Action)!;
        long from;
        try
        {
            var live = await rollouts.ReadAsync(ns, name, cancellationToken);
            var labels = (live.Metadata.Labels ?? new Dictionary<string, string>()).Concat(live.Spec.Template?.Metadata?.Labels ?? new Dictionary<string, string>());
            if (rails.CheckWorkload("Deployment", name, labels) is { } isProtected)
            {
                return ActionOutcome.Refused(isProtected);
            }

            if (context.Pin is UndoPin pin && DeploymentRollouts.Revision(live.Metadata) != pin.From)
            {
                return ActionOutcome.Refused(new UiMessage("Cluster_RevisionMoved", name, DeploymentRollouts.Revision(live.Metadata), pin.From));
            }

            from = !Undoes
                ? await rollouts.RestartAsync(ns, name, cancellationToken)
                : await rollouts.UndoAsync(ns, name, (context.Pin as UndoPin)?.To ?? RolloutKinds.Revision.Count(context.Action), cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            return ActionOutcome.Failed(ClusterActionException.TextOf(e));
        }
        catch (HttpOperationException e)
        {
            return ActionOutcome.Failed(new UiMessage("Cluster_DeploymentApiRefused", name, ns, ApiErrors.Describe(e)));
        }

        var change = Undoes ? "undo" : "restart";
        using var timeout = new CancellationTokenSource(rails.Options.RolloutTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        RolloutProgress? last = null;
        try
        {
            last = await rollouts.WaitAsync(ns, name, change, from, p => context.Report(last = p), linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ActionOutcome.Failed(new UiMessage(Undoes ? "Cluster_UndoTimeout" : "Cluster_RestartTimeout", name, rails.Options.RolloutTimeout.TotalSeconds), last);
        }

        return ActionOutcome.Succeeded(new UiMessage(Undoes ? "Cluster_RolledBack" : "Cluster_Restarted", name, from, last.Revision, last.Ready, last.Desired, last.Seconds), last);
    }
}
