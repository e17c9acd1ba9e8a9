using k8s;

namespace DemoConsole.Core.Cluster;

/// <summary>
/// The one place that turns configuration into a KubernetesClient. Everything that talks to the cluster gets
/// its client here, so the sandbox and a real cluster go through the very same code.
/// </summary>
public interface IClusterConnection
{
    ClusterTarget Target { get; }

    /// <summary>The client; throws <see cref="ClusterUnavailableException"/> with a readable reason when it cannot be built.</summary>
    IKubernetes Client { get; }
}
