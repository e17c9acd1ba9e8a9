using k8s.Models;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>What the recovery timeline and the guard rails read off a pod.</summary>
internal static class PodFacts
{
    public static bool IsTerminating(V1Pod pod) => pod.Metadata.DeletionTimestamp is not null;

    public static bool IsReady(V1Pod pod) => !IsTerminating(pod) && HasCondition(pod, "Ready");

    public static bool IsScheduled(V1Pod pod) => pod.Spec?.NodeName is { Length: > 0 } || HasCondition(pod, "PodScheduled");

    /// <summary>Every container has started (Running), whether or not its readiness probe passed yet.</summary>
    public static bool ContainersRunning(V1Pod pod) =>
        pod.Status?.ContainerStatuses is { Count: > 0 } statuses && statuses.All(c => c.State?.Running is not null);

    public static V1OwnerReference? Controller(V1ObjectMeta metadata) =>
        metadata.OwnerReferences?.FirstOrDefault(r => r.Controller == true);

    private static bool HasCondition(V1Pod pod, string type) =>
        pod.Status?.Conditions?.Any(c => c.Type == type && c.Status == "True") == true;
}
