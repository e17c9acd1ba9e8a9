using DemoConsole.Core.Cluster;

namespace DemoConsole.Web.Replicas;

/// <summary>
/// Where the replicas' Lease lives: in a pod, the pod's own namespace (the service-account folder's <c>namespace</c>
/// file, where the manifests grant the lease rule); elsewhere, the application namespace.
/// </summary>
public sealed record LeaseLocation(string Namespace, string Name)
{
    public const string LeaseName = "demo-console-leader";

    public static LeaseLocation For(ClusterTarget target, string applicationNamespace)
    {
        if (target.Mode == ClusterMode.InCluster)
        {
            var file = Path.Combine(string.IsNullOrWhiteSpace(target.ServiceAccountFolder) ? InClusterConfiguration.DefaultFolder : target.ServiceAccountFolder, "namespace");
            if (File.Exists(file) && File.ReadAllText(file).Trim() is { Length: > 0 } podNamespace)
            {
                return new LeaseLocation(podNamespace, LeaseName);
            }
        }

        return new LeaseLocation(applicationNamespace, LeaseName);
    }

    public override string ToString() => $"{Namespace}/{Name}";
}
