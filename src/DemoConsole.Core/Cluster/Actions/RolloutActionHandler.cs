using System.Globalization;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Actions.Kinds;
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

    public string? Validate(ActionDefinition action) =>
        Descriptor.FirstProblem(action)
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
            return ActionPreview.Sentence($"Restart {target}: its pods are replaced one by one by a rolling update.", target);
        }

        try
        {
            var history = await rollouts.HistoryAsync(ns, name, cancellationToken);
            var wanted = RolloutKinds.Revision.Count(action);
            var to = wanted is { } w ? history.Revisions.FirstOrDefault(r => r.Revision == w) : history.Previous;
            if (to is null || to.IsCurrent)
            {
                return ActionPreview.Refused(to is null
                    ? $"Deployment {name} has no {(wanted is null ? "previous revision" : $"revision {wanted}")} to go back to."
                    : $"Revision {to.Revision} is already the current one.", target);
            }

            var images = to.Images.Count > 0 ? $" (runs {string.Join(", ", to.Images)})" : "";
            return new ActionPreview($"Roll back {target} from revision {history.CurrentRevision} to revision {to.Revision}{images}.",
                $"{target}, revision {history.CurrentRevision} → {to.Revision}", true, null, new UndoPin(history.CurrentRevision, to.Revision));
        }
        catch (HttpOperationException e)
        {
            return ActionPreview.Refused($"Deployment {name} in {ns}: {ApiErrors.Describe(e)}", target);
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
                return ActionOutcome.Refused($"Deployment {name} is at revision {DeploymentRollouts.Revision(live.Metadata)} now, not {pin.From} as previewed; preview again.");
            }

            from = !Undoes
                ? await rollouts.RestartAsync(ns, name, cancellationToken)
                : await rollouts.UndoAsync(ns, name, (context.Pin as UndoPin)?.To ?? RolloutKinds.Revision.Count(context.Action), cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            return ActionOutcome.Failed(e.Message);
        }
        catch (HttpOperationException e)
        {
            return ActionOutcome.Failed($"Deployment {name} in {ns}: {ApiErrors.Describe(e)}");
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
            return ActionOutcome.Failed($"The {change} of {name} did not finish within {rails.Options.RolloutTimeout.TotalSeconds:0} s.", last);
        }

        var verb = Undoes ? "Rolled back" : "Restarted";
        return ActionOutcome.Succeeded(string.Create(CultureInfo.InvariantCulture,
            $"{verb} {name}: revision {from} → {last.Revision}, {last.Ready}/{last.Desired} Ready after {last.Seconds:0.0} s"), last);
    }
}
