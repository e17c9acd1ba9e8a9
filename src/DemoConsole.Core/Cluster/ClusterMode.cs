namespace DemoConsole.Core.Cluster;

/// <summary>How the console reaches its cluster (DemoConsole:Cluster:Mode).</summary>
public enum ClusterMode
{
    /// <summary>The embedded sandbox on loopback (the default: no cluster needed).</summary>
    Sandbox,

    /// <summary>A kubeconfig file and context (the usual KUBECONFIG rules when no path is given).</summary>
    Kubeconfig,

    /// <summary>The service account of the pod the console runs in.</summary>
    InCluster,
}
