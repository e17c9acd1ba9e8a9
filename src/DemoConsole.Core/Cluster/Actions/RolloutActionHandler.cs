using System.Globalization;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Scenarios;
using k8s.Autorest;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>
/// Runs <c>rollout-restart</c> and <c>rollout-undo</c> (parameters <c>deployment</c>, <c>namespace</c>, and for undo an
/// optional <c>revision</c>), then follows the rollout until every replica is updated and Ready, reporting
/// <see cref="RolloutProgress"/> live. Refuses namespaces off the allow-list and protected workloads.
/// </summary>
public sealed class RolloutActionHandler(string kind, DeploymentRollouts rollouts, ClusterGuardRails rails, TimeProvider time) : IActionHandler
{
    public string Kind { get; } = kind is ActionKinds.RolloutRestart or ActionKinds.RolloutUndo
        ? kind
        : throw new ArgumentException($"'{kind}' is not a rollout action kind.", nameof(kind));

    public string? Validate(ActionDefinition action)
    {
        if (!action.Parameters.TryGetValue("deployment", out var deployment) || deployment.Trim().Length == 0)
        {
            return "The action names no 'deployment'.";
        }

        if (Kind == ActionKinds.RolloutUndo && Revision(action) is { Problem: { } problem })
        {
            return problem;
        }

        return rails.CheckNamespace(rails.NamespaceOf(action)) ?? rails.CheckWorkload("Deployment", deployment.Trim());
    }

    public async Task<ActionOutcome> RunAsync(ActionRunContext context, CancellationToken cancellationToken)
    {
        if (Validate(context.Action) is { } refusal)
        {
            return new ActionOutcome(ActionRunStatus.Refused, refusal, null);
        }

        var ns = rails.NamespaceOf(context.Action);
        var name = context.Action.Parameters["deployment"].Trim();
        long from;
        string change;
        try
        {
            var live = await rollouts.ReadAsync(ns, name, cancellationToken);
            var labels = (live.Metadata.Labels ?? new Dictionary<string, string>()).Concat(live.Spec.Template?.Metadata?.Labels ?? new Dictionary<string, string>());
            if (rails.CheckWorkload("Deployment", name, labels) is { } isProtected)
            {
                return new ActionOutcome(ActionRunStatus.Refused, isProtected, null);
            }

            (from, change) = Kind == ActionKinds.RolloutRestart
                ? (await rollouts.RestartAsync(ns, name, cancellationToken), "restart")
                : (await rollouts.UndoAsync(ns, name, Revision(context.Action).Value, cancellationToken), "undo");
        }
        catch (InvalidOperationException e)
        {
            return ActionOutcome.Failed(e.Message);
        }
        catch (HttpOperationException e)
        {
            return ActionOutcome.Failed($"Deployment {name} in {ns}: {ApiErrors.Describe(e)}");
        }

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

        var verb = change == "restart" ? "Restarted" : "Rolled back";
        return ActionOutcome.Succeeded(string.Create(CultureInfo.InvariantCulture,
            $"{verb} {name}: revision {from} → {last.Revision}, {last.Ready}/{last.Desired} Ready after {last.Seconds:0.0} s"), last);
    }

    private static (long? Value, string? Problem) Revision(ActionDefinition action) =>
        !action.Parameters.TryGetValue("revision", out var text) || text.Trim().Length == 0
            ? (null, null)
            : long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var revision) && revision > 0
                ? (revision, null)
                : (null, $"'revision: {text}' is not a revision number.");
}
