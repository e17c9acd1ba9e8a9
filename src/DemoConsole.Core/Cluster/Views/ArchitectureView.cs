namespace DemoConsole.Core.Cluster;

/// <summary>How a workload is doing, from its replica counts.</summary>
public enum WorkloadHealth
{
    /// <summary>Every desired replica Ready.</summary>
    Healthy,

    /// <summary>Some but not all desired replicas Ready.</summary>
    Degraded,

    /// <summary>Replicas desired and none Ready.</summary>
    Down,

    /// <summary>Scaled to zero on purpose.</summary>
    Stopped,
}

/// <summary>One workload as the architecture diagram shows it: its name, its replicas and their health.</summary>
public sealed record ArchitectureWorkload(string Namespace, string Kind, string Name, int Ready, int Desired)
{
    public WorkloadHealth Health => Desired == 0 ? WorkloadHealth.Stopped
        : Ready >= Desired ? WorkloadHealth.Healthy
        : Ready == 0 ? WorkloadHealth.Down
        : WorkloadHealth.Degraded;

    public static ArchitectureWorkload From(WorkloadView w) => new(w.Namespace, w.Kind, w.Name, w.Ready, w.Desired);
}

/// <summary>A namespace other than the application's (mesh, monitoring, Argo CD): a region listing its workloads.</summary>
public sealed record ArchitectureRegion(string Namespace, string? MtlsMode, IReadOnlyList<ArchitectureWorkload> Workloads);

/// <summary>
/// The platform as part 1 of the demo explains it, read from the cluster: the request path through the application
/// namespace in layers (ingress gateway → API gateway → services → data stores), the other demo namespaces as regions,
/// and the delivery path's Argo CD applications. Layers come from names and labels as the service graph's do
/// (<c>tier=data</c> marks a data store), so the same cluster gives the same picture in the sandbox and for real.
/// </summary>
public sealed record ArchitectureView(
    string ApplicationNamespace,
    string? ApplicationMtlsMode,
    IReadOnlyList<ArchitectureWorkload> Ingress,
    IReadOnlyList<ArchitectureWorkload> Gateways,
    IReadOnlyList<ArchitectureWorkload> Services,
    IReadOnlyList<ArchitectureWorkload> DataStores,
    IReadOnlyList<ArchitectureRegion> Regions,
    IReadOnlyList<ArgoApplicationView> Applications)
{
    public static ArchitectureView From(ClusterViewsSnapshot snapshot)
    {
        var app = snapshot.ApplicationNamespace;
        var inApp = snapshot.Workloads.Where(w => w.Namespace == app).ToList();
        var gateways = inApp.Where(w => !w.IsDataTier && IsGateway(w.Name)).ToList();
        // The ingress gateway is drawn on the request path, not a second time in its namespace's region.
        var ingress = snapshot.Workloads.Where(w => w.Namespace != app && w.Name.Contains("ingressgateway", StringComparison.Ordinal)).ToList();
        string? Mtls(string ns) => snapshot.Mtls.FirstOrDefault(m => m.Namespace == ns)?.Mode;
        return new ArchitectureView(
            app,
            Mtls(app),
            Workloads(ingress),
            Workloads(gateways),
            Workloads(inApp.Where(w => !w.IsDataTier && !gateways.Contains(w))),
            Workloads(inApp.Where(w => w.IsDataTier)),
            snapshot.Namespaces.Where(ns => ns != app)
                .Select(ns => new ArchitectureRegion(ns, Mtls(ns), Workloads(snapshot.Workloads.Where(w => w.Namespace == ns && !ingress.Contains(w)))))
                .ToList(),
            snapshot.Applications);
    }

    private static bool IsGateway(string name) => name.Contains("gateway", StringComparison.Ordinal);

    private static List<ArchitectureWorkload> Workloads(IEnumerable<WorkloadView> workloads) =>
        workloads.OrderBy(w => w.Name, StringComparer.Ordinal).Select(ArchitectureWorkload.From).ToList();
}
