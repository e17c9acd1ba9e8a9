using k8s;

namespace DemoConsole.Core.Cluster;

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
                ClusterMode.InCluster => InClusterConfiguration.Build(target.ServiceAccountFolder),
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
