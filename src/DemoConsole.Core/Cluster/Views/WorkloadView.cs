using DemoConsole.Core.Messages;
using k8s.Models;

namespace DemoConsole.Core.Cluster;

/// <summary>A Deployment or StatefulSet with its replica counts (kubectl get deploy/sts).</summary>
/// <param name="PodLabels">The labels of its pod template (tier=data marks a data store).</param>
public sealed record WorkloadView(string Namespace, string Kind, string Name, int Desired, int Ready, int Updated, int Available, DateTimeOffset? CreatedAt,
    IReadOnlyDictionary<string, string> PodLabels)
{
    /// <summary>A data store (PostgreSQL, Redis): its pod template carries tier=data.</summary>
    public bool IsDataTier => PodLabels.TryGetValue("tier", out var tier) && tier == "data";

    /// <summary>"2/2", as in kubectl's READY column.</summary>
    public string ReadyText => $"{Ready}/{Desired}";

    public static WorkloadView From(V1Deployment d) => new(
        d.Metadata.NamespaceProperty ?? "", "Deployment", d.Metadata.Name, d.Spec?.Replicas ?? 1, d.Status?.ReadyReplicas ?? 0,
        d.Status?.UpdatedReplicas ?? 0, d.Status?.AvailableReplicas ?? 0, Created(d.Metadata), Labels(d.Spec?.Template?.Metadata));

    public static WorkloadView From(V1StatefulSet s) => new(
        s.Metadata.NamespaceProperty ?? "", "StatefulSet", s.Metadata.Name, s.Spec?.Replicas ?? 1, s.Status?.ReadyReplicas ?? 0,
        s.Status?.UpdatedReplicas ?? 0, s.Status?.AvailableReplicas ?? 0, Created(s.Metadata), Labels(s.Spec?.Template?.Metadata));

    private static Dictionary<string, string> Labels(V1ObjectMeta? meta) =>
        meta?.Labels is { } labels ? new Dictionary<string, string>(labels) : [];

    internal static DateTimeOffset? Created(V1ObjectMeta meta) =>
        meta.CreationTimestamp is { } created ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) : null;
}

/// <summary>The runbook's check "every main service runs at least 2 replicas", with the failing ones named.</summary>
/// <param name="Checked">The workloads the check looked at ("titanium-prod/prod-blog-service-deployment").</param>
/// <param name="Failing">Those below the minimum, each with its count ("prod-blog-service-deployment: 1 replica").</param>
public sealed record ReplicaCheck(bool Passed, int Minimum, IReadOnlyList<string> Checked, IReadOnlyList<UiMessage> Failing, UiMessage Detail)
{
    /// <summary>
    /// The main services are the application namespace's <c>prod-*</c> deployments (the runbook's
    /// <c>kubectl get deployments | grep prod-</c>), data stores (tier=data, e.g. a single Redis) excepted.
    /// </summary>
    public static ReplicaCheck Evaluate(IEnumerable<WorkloadView> workloads, string applicationNamespace, int minimum = 2)
    {
        var main = workloads
            .Where(w => w.Kind == "Deployment" && w.Namespace == applicationNamespace && w.Name.StartsWith("prod-", StringComparison.Ordinal) && !w.IsDataTier)
            .OrderBy(w => w.Name, StringComparer.Ordinal)
            .ToList();
        var failing = main.Where(w => w.Desired < minimum)
            .Select(w => new UiMessage(w.Desired == 1 ? "Cluster_ReplicaShortOne" : "Cluster_ReplicaShort", w.Name, w.Desired, w.Ready))
            .ToList();
        var detail = main.Count == 0
            ? new UiMessage("Cluster_ReplicasNone", applicationNamespace)
            : failing.Count == 0
                ? new UiMessage("Cluster_ReplicasAll", main.Count, applicationNamespace, minimum)
                : new UiMessage("Cluster_ReplicasFailing", failing.Count, main.Count, minimum, failing.Aggregate((a, b) => new UiMessage("Cluster_ListSemicolon", a, b)));
        return new ReplicaCheck(main.Count > 0 && failing.Count == 0, minimum, main.Select(w => $"{w.Namespace}/{w.Name}").ToList(), failing, detail);
    }
}
