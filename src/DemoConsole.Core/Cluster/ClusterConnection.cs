using DemoConsole.Core.Messages;
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

    /// <summary>The target in words: the two fixed modes translated, a kubeconfig file and context as they are.</summary>
    private static UiMessage Named(ClusterTarget target) => target.Mode switch
    {
        ClusterMode.Sandbox => new UiMessage("Cluster_TargetSandbox"),
        ClusterMode.InCluster => new UiMessage("Cluster_TargetInCluster"),
        _ => UiMessage.Verbatim(Describe(target)),
    };

    private static KubernetesClientConfiguration BuildConfiguration(ClusterTarget target)
    {
        try
        {
            return target.Mode switch
            {
                ClusterMode.InCluster => InClusterConfiguration.Build(target.ServiceAccountFolder),
                ClusterMode.Sandbox when target.KubeconfigPath is null =>
                    throw new ClusterUnavailableException(new UiMessage("Cluster_SandboxNotRunning")),
                _ => KubernetesClientConfiguration.BuildConfigFromConfigFile(target.KubeconfigPath, target.Context),
            };
        }
        catch (Exception ex) when (ex is not ClusterUnavailableException)
        {
            throw new ClusterUnavailableException(new UiMessage("Cluster_CannotConfigure", Named(target), ex.Message), ex);
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
