using DemoConsole.Core.Cluster;

namespace DemoConsole.Web.Configuration;

/// <summary>
/// Console replicas (<c>DemoConsole:Replicas</c>), in use when <c>DemoConsole:Redis</c> is set: how the one replica that
/// runs the actions is chosen.
/// </summary>
public sealed class ReplicaOptions
{
    /// <summary>
    /// <see cref="ReplicaElection.Lease"/> (a Kubernetes Lease in the cluster) or <see cref="ReplicaElection.Redis"/> (a
    /// lock in the shared Redis); unset: Lease in <c>InCluster</c> mode, Redis otherwise (see <see cref="ElectionFor"/>).
    /// </summary>
    public ReplicaElection? Election { get; set; }

    /// <summary>The election in use with these settings and this cluster mode.</summary>
    public ReplicaElection ElectionFor(ClusterMode mode) =>
        Election ?? (mode == ClusterMode.InCluster ? ReplicaElection.Lease : ReplicaElection.Redis);
}

/// <summary>Where the replicas keep who leads.</summary>
public enum ReplicaElection
{
    /// <summary>A key in the shared Redis, set if absent with a time to live and renewed by its holder.</summary>
    Redis,

    /// <summary>A coordination.k8s.io Lease, through KubernetesClient's leader election.</summary>
    Lease,
}
