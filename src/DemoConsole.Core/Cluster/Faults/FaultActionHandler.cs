using DemoConsole.Core.Actions;
using DemoConsole.Core.Actions.Kinds;
using DemoConsole.Core.Cluster.Actions;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Scenarios;
using k8s.Autorest;

namespace DemoConsole.Core.Cluster.Faults;

/// <summary>
/// Runs <c>inject-fault</c> and <c>clear-fault</c> (see <see cref="FaultKinds"/>). Guarded like pod-kill: the
/// namespace must be allow-listed, protected workloads (StatefulSets, databases by name or label) are refused, the
/// confirmation names the deployment and the fault, and a previewed injection hits exactly the previewed deployment
/// (same uid). Only the sandbox plays faults: against any other cluster the kinds are refused before anything is sent.
/// </summary>
public sealed class FaultActionHandler(
    ActionKindDescriptor descriptor, IClusterConnection cluster, DeploymentRollouts rollouts, SandboxFaults faults, ClusterGuardRails rails) : IActionHandler
{
    /// <summary>What a confirmed injection does: this fault on the deployment with this uid.</summary>
    private sealed record FaultPin(string Namespace, string Deployment, string Uid, string Fault);

    /// <summary>The kubelet's back-off tops out at 5 minutes; a deployment not healed well after that needs a person.</summary>
    private static readonly TimeSpan HealingLimit = TimeSpan.FromMinutes(10);

    public ActionKindDescriptor Descriptor { get; } = descriptor == FaultKinds.Inject || descriptor == FaultKinds.Clear
        ? descriptor
        : throw new ArgumentException($"'{descriptor.Name}' is not a fault action kind.", nameof(descriptor));

    private bool Injects => Descriptor == FaultKinds.Inject;

    public UiMessage? Validate(ActionDefinition action) =>
        Descriptor.ParameterProblem(action)
        ?? SandboxOnly()
        ?? rails.CheckNamespace(rails.NamespaceOf(action))
        ?? rails.CheckWorkload("Deployment", FaultKinds.Deployment.Text(action) ?? "");

    public async Task<ActionPreview> PreviewAsync(ActionDefinition action, CancellationToken cancellationToken)
    {
        var ns = rails.NamespaceOf(action);
        var name = FaultKinds.Deployment.Text(action) ?? "";
        var target = $"deployment {name} in {ns}";
        if (Validate(action) is { } refusal)
        {
            return ActionPreview.Refused(refusal, target);
        }

        if (!Injects)
        {
            return ActionPreview.Sentence(new UiMessage("Faults_ClearPreview", name, ns), target);
        }

        try
        {
            var live = await rollouts.ReadAsync(ns, name, cancellationToken);
            if (CheckLabels(live) is { } isProtected)
            {
                return ActionPreview.Refused(isProtected, target);
            }

            var fault = FaultKinds.Fault.Choice(action)!;
            return new ActionPreview(new UiMessage("Faults_InjectPreview", fault, name, ns, live.Spec.Replicas ?? 1, Effect(fault)),
                $"{target} (uid {live.Metadata.Uid}), fault {fault}", true, null, new FaultPin(ns, name, live.Metadata.Uid, fault));
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
        var name = FaultKinds.Deployment.Text(context.Action)!;
        if (!Injects)
        {
            return await ClearAndFollowAsync(context, ns, name, cancellationToken);
        }

        var fault = FaultKinds.Fault.Choice(context.Action)!;
        try
        {
            var live = await rollouts.ReadAsync(ns, name, cancellationToken);
            if (CheckLabels(live) is { } isProtected)
            {
                return ActionOutcome.Refused(isProtected);
            }

            if (context.Pin is FaultPin pin && (pin.Uid != live.Metadata.Uid || pin.Fault != fault))
            {
                return ActionOutcome.Refused(new UiMessage("Faults_NotPreviewed", name, pin.Uid));
            }
        }
        catch (HttpOperationException e)
        {
            return ActionOutcome.Failed(new UiMessage("Cluster_DeploymentApiRefused", name, ns, ApiErrors.Describe(e)));
        }

        var (state, error) = await faults.InjectAsync(ns, name, fault, cancellationToken);
        if (state is null)
        {
            return ActionOutcome.Failed(new UiMessage("Faults_SandboxRefused", fault, name, error));
        }

        context.Report(state);
        return ActionOutcome.Succeeded(new UiMessage("Faults_Injected", fault, name, ns, Effect(fault)), state);
    }

    /// <summary>
    /// Clears the fault, then follows the deployment until every desired replica is Ready again, reporting each change:
    /// the rehearsal of "wait for self-healing", timed. An image-pull fault is not followed: its pods heal only when the
    /// image is rolled back.
    /// </summary>
    private async Task<ActionOutcome> ClearAndFollowAsync(ActionRunContext context, string ns, string name, CancellationToken cancellationToken)
    {
        var fault = await faults.ActiveAsync(ns, name, cancellationToken);
        if (await faults.ClearAsync(ns, name, cancellationToken) is { } notCleared)
        {
            return ActionOutcome.Failed(new UiMessage("Faults_NotCleared", name, notCleared));
        }

        var cleared = new FaultState { Namespace = ns, Deployment = name, Fault = fault, Active = false };
        if (fault == "image-pull")
        {
            var state = cleared with { NotFollowed = new UiMessage("Faults_ImageStillMissing") };
            return ActionOutcome.Succeeded(new UiMessage("Faults_ClearedImagePull", name, ns, state.NotFollowed), state);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(HealingLimit);
        try
        {
            var healed = await rollouts.WaitAsync(ns, name, "heal", fromRevision: null, p => context.Report(cleared with { Healing = p }), deadline.Token);
            return ActionOutcome.Succeeded(
                new UiMessage("Faults_ClearedHealed", FaultName(fault), name, ns, healed.Ready, healed.Desired, healed.Seconds),
                cleared with { Healing = healed });
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ActionOutcome.Failed(new UiMessage("Faults_ClearedNotHealed", FaultName(fault), name, ns, HealingLimit.TotalMinutes));
        }
    }

    /// <summary>Faults are a rehearsal of the sandbox; a real cluster would need a chaos tool the console does not drive.</summary>
    private UiMessage? SandboxOnly() => cluster.Target.Mode == ClusterMode.Sandbox
        ? null
        : new UiMessage("Faults_SandboxOnly");

    private UiMessage? CheckLabels(k8s.Models.V1Deployment live) =>
        rails.CheckWorkload("Deployment", live.Metadata.Name,
            (live.Metadata.Labels ?? new Dictionary<string, string>()).Concat(live.Spec.Template?.Metadata?.Labels ?? new Dictionary<string, string>()));

    private static UiMessage Effect(string fault) => new(fault switch
    {
        "crash-loop" => "Faults_EffectCrashLoop",
        "oom-kill" => "Faults_EffectOomKill",
        "image-pull" => "Faults_EffectImagePull",
        _ => "Faults_EffectReadiness",
    });

    /// <summary>The fault that was on, or "the fault" when the sandbox no longer said which.</summary>
    private static UiMessage FaultName(string? fault) => fault is null ? new UiMessage("Faults_TheFault") : UiMessage.Verbatim(fault);
}
