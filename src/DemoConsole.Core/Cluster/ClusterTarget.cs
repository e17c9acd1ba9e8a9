namespace DemoConsole.Core.Cluster;

/// <summary>
/// Which cluster the console talks to. In sandbox mode the kubeconfig is the one the sandbox wrote; in-cluster, the
/// service-account folder (null: the kubelet's usual mount, <see cref="InClusterConfiguration.DefaultFolder"/>).
/// </summary>
public sealed record ClusterTarget(ClusterMode Mode, string? KubeconfigPath = null, string? Context = null, string? ServiceAccountFolder = null);
