using DemoConsole.Core.Messages;
using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>How the pod to delete is chosen among the workload's Ready pods.</summary>
public enum PodPick
{
    Random,
    Oldest,
    Newest,
}

/// <summary>
/// What a pod-kill aims at: a named pod, or one pod of a Deployment (or StatefulSet) picked by <see cref="Pick"/>.
/// Built from an action's parameters (<c>namespace</c>, <c>deployment</c>, <c>pod</c>, <c>pick</c>, <c>selector</c>).
/// </summary>
public sealed record PodKillTarget(string Namespace, string? Deployment, string? Pod = null, PodPick Pick = PodPick.Random, string? Selector = null)
{
    /// <summary>"deployment prod-blog-service-deployment in titanium-prod" or "pod x in titanium-prod", for messages.</summary>
    public UiMessage Describe() => Pod is not null
        ? new UiMessage("Cluster_TargetPod", Pod, Namespace)
        : new UiMessage("Cluster_TargetPick" + Pick, Deployment, Namespace);

    /// <summary>The target an action declares, or null with the problem in words.</summary>
    public static PodKillTarget? From(ActionDefinition action, ClusterGuardRails rails, out UiMessage? problem)
    {
        problem = null;
        var deployment = PodKillKind.Deployment.Text(action);
        var pod = PodKillKind.Pod.Text(action);
        if (deployment is null && pod is null)
        {
            problem = new UiMessage("Cluster_KillNoTarget");
            return null;
        }

        var pickText = PodKillKind.Pick.Text(action) ?? nameof(PodPick.Random);
        if (PodKillKind.Pick.Problem(pickText) is { } invalid)
        {
            problem = new UiMessage("Cluster_KillBadPick", pickText, invalid);
            return null;
        }

        return new PodKillTarget(rails.NamespaceOf(action), deployment, pod, Enum.Parse<PodPick>(pickText, ignoreCase: true), PodKillKind.Selector.Text(action));
    }
}
