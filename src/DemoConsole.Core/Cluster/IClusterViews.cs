using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Cluster;

/// <summary>
/// Live, read-only views of the demo's namespaces (pods, workloads, autoscalers, network policies, mTLS, Argo CD
/// applications, alert rules), kept current by resilient list+watch. One instance per process; it connects when
/// started (<see cref="Start"/>, called by the host at start-up) or on the first <see cref="WatchAsync"/>. Never throws: an unreachable cluster shows as <see cref="ClusterViewsSnapshot.Connection"/>.
/// </summary>
public interface IClusterViews
{
    /// <summary>The latest snapshot; empty until started. Reading it never starts watching.</summary>
    ClusterViewsSnapshot Current { get; }

    /// <summary>Starts watching the cluster, once; later calls do nothing.</summary>
    void Start();

    /// <summary>
    /// Starts watching if not started, then yields the current snapshot first, then each newer one. Newest-wins per subscriber: a slow reader skips
    /// intermediate snapshots rather than queueing them. Ends when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    IAsyncEnumerable<ClusterViewsSnapshot> WatchAsync(CancellationToken cancellationToken = default);
}

/// <summary>Which namespaces the views watch and which one holds the application (the main services).</summary>
public sealed record ClusterViewsOptions
{
    public static readonly IReadOnlyList<string> DefaultNamespaces = ["titanium-prod", "istio-system", "monitoring", "argocd"];

    /// <summary>The scenario's Targets.Namespaces; the runbook's four by default.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = DefaultNamespaces;

    /// <summary>Whose <c>prod-*</c> deployments the 2-replica check covers.</summary>
    public string ApplicationNamespace { get; init; } = "titanium-prod";

    /// <summary>Istio's root namespace, where a mesh-wide PeerAuthentication lives.</summary>
    public string MeshRootNamespace { get; init; } = "istio-system";

    public InformerOptions Informer { get; init; } = new();
}

/// <summary>Everything the read-only pages show, as of <see cref="UpdatedAt"/>. Immutable; lists are sorted by namespace and name.</summary>
/// <param name="Connection">The link to the cluster (from pods, deployments and statefulsets): the banner.</param>
/// <param name="Problems">Views that could not be read (e.g. a CRD not installed), in words; the rest still works.</param>
/// <param name="Version">Grows with every snapshot.</param>
public sealed record ClusterViewsSnapshot(
    ConnectionStatus Connection,
    IReadOnlyList<string> Namespaces,
    IReadOnlyList<PodView> Pods,
    IReadOnlyList<WorkloadView> Workloads,
    ReplicaCheck ReplicaCheck,
    IReadOnlyList<AutoscalerView> Autoscalers,
    IReadOnlyList<NetworkPolicyView> NetworkPolicies,
    IReadOnlyList<PeerAuthenticationView> PeerAuthentications,
    IReadOnlyList<NamespaceMtls> Mtls,
    IReadOnlyList<ArgoApplicationView> Applications,
    IReadOnlyList<AlertRuleView> AlertRules,
    IReadOnlyList<UiMessage> Problems,
    long Version,
    DateTimeOffset UpdatedAt)
{
    /// <summary>True once pods, deployments and statefulsets of every namespace have been listed at least once.</summary>
    public bool Synced { get; init; }

    /// <summary>Which pods of the application namespace carry the istio-proxy sidecar (part 4).</summary>
    public SidecarCheck SidecarCheck { get; init; } = new(false, 0, [], [], new UiMessage("Cluster_NotReadYet"));

    /// <summary>The namespace of the main services (the scenario's application namespace).</summary>
    public string ApplicationNamespace { get; init; } = "";

    public static ClusterViewsSnapshot Empty(IReadOnlyList<string> namespaces, string applicationNamespace, DateTimeOffset now) => new(
        ConnectionStatus.Initial(now), namespaces, [], [], ReplicaCheck.Evaluate([], applicationNamespace), [], [], [], [], [], [], [], 0, now)
    {
        ApplicationNamespace = applicationNamespace,
    };
}
