namespace DemoConsole.Core.Cluster;

/// <summary>Which cluster the console talks to. In sandbox mode the kubeconfig is the one the sandbox wrote.</summary>
public sealed record ClusterTarget(ClusterMode Mode, string? KubeconfigPath = null, string? Context = null);
