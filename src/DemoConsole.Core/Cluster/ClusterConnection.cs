using k8s;

namespace DemoConsole.Core.Cluster;

public enum ClusterMode
{
    /// <summary>The embedded sandbox on loopback (the default: no cluster needed).</summary>
    Sandbox,

    /// <summary>A kubeconfig file and context (the usual KUBECONFIG rules when no path is given).</summary>
    Kubeconfig,

    /// <summary>The service account of the pod the console runs in.</summary>
    InCluster,
}

/// <summary>Which cluster the console talks to. In sandbox mode the kubeconfig is the one the sandbox wrote.</summary>
public sealed record ClusterTarget(ClusterMode Mode, string? KubeconfigPath = null, string? Context = null);

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

public sealed class ClusterUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Builds the KubernetesClient lazily, so that in sandbox mode it is built after the sandbox wrote its kubeconfig.</summary>
public sealed class ClusterConnection(Func<ClusterTarget> target) : IClusterConnection, IDisposable
{
    private readonly Lock _gate = new();
    private Kubernetes? _client;

    public ClusterTarget Target => target();

    public IKubernetes Client
    {
        get
        {
            lock (_gate)
            {
                return _client ??= new Kubernetes(BuildConfiguration(Target));
            }
        }
    }

    public static string Describe(ClusterTarget target) => target.Mode switch
    {
        ClusterMode.Sandbox => "embedded sandbox",
        ClusterMode.InCluster => "in-cluster service account",
        _ => $"kubeconfig {target.KubeconfigPath ?? "(KUBECONFIG)"}{(target.Context is null ? "" : $", context {target.Context}")}",
    };

    private static KubernetesClientConfiguration BuildConfiguration(ClusterTarget target)
    {
        try
        {
            return target.Mode switch
            {
                ClusterMode.InCluster => KubernetesClientConfiguration.InClusterConfig(),
                ClusterMode.Sandbox when target.KubeconfigPath is null =>
                    throw new ClusterUnavailableException("The embedded sandbox is not running yet."),
                _ => KubernetesClientConfiguration.BuildConfigFromConfigFile(target.KubeconfigPath, target.Context),
            };
        }
        catch (Exception ex) when (ex is not ClusterUnavailableException)
        {
            throw new ClusterUnavailableException($"Cannot configure the cluster client ({Describe(target)}): {ex.Message}", ex);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _client?.Dispose();
            _client = null;
        }
    }
}
