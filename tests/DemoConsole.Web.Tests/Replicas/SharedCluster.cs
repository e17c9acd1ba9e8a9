using DemoConsole.Sandbox;
using k8s;

namespace DemoConsole.Web.Tests.Replicas;

/// <summary>One sandbox on free loopback ports as the one cluster several replicas share, with a KubernetesClient on it.</summary>
internal sealed class SharedCluster : IAsyncDisposable
{
    private SharedCluster(SandboxHost host)
    {
        Host = host;
        Kube = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(host.KubeconfigPath));
    }

    public SandboxHost Host { get; }

    public Kubernetes Kube { get; }

    public static async Task<SharedCluster> StartAsync() => new(await SandboxHost.StartAsync(new SandboxOptions
    {
        ApiPort = 0,
        GatewayPort = 0,
        PrometheusPort = 0,
        GitHubPort = 0,
        KubeconfigPath = Path.Combine(Directory.CreateTempSubdirectory("shared-cluster-").FullName, "kubeconfig"),
    }));

    public async ValueTask DisposeAsync()
    {
        Kube.Dispose();
        await Host.DisposeAsync();
    }
}
