using DemoConsole.Core.Cluster;
using DemoConsole.Sandbox;
using k8s;
using Microsoft.Extensions.Logging.Abstractions;

namespace DemoConsole.Core.Tests.Cluster;

/// <summary>A private sandbox for one test, and the console's own connection to it (kubeconfig mode, real KubernetesClient).</summary>
internal sealed class ClusterSandbox : IAsyncDisposable
{
    public const double FastTimeScale = 0.01;

    private ClusterSandbox(SandboxHost host, string kubeconfigPath, double timeScale)
    {
        Host = host;
        KubeconfigPath = kubeconfigPath;
        TimeScale = timeScale;
        Connection = new ClusterConnection(() => new ClusterTarget(ClusterMode.Kubeconfig, kubeconfigPath));
        Client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfigPath));
    }

    public SandboxHost Host { get; private set; }

    public string KubeconfigPath { get; }

    public double TimeScale { get; }

    /// <summary>What the code under test uses.</summary>
    public ClusterConnection Connection { get; }

    /// <summary>What the test uses to change the world (a second, independent client).</summary>
    public Kubernetes Client { get; }

    public static Task<ClusterSandbox> StartAsync(double timeScale = FastTimeScale) =>
        StartAsync(0, Path.Combine(Directory.CreateTempSubdirectory("cluster-read-test-").FullName, "kubeconfig"), timeScale);

    /// <summary>Starts on a given API port and kubeconfig path (a cluster that comes up where a client already looks).</summary>
    public static async Task<ClusterSandbox> StartAsync(int apiPort, string kubeconfig, double timeScale = FastTimeScale)
    {
        var host = await SandboxHost.StartAsync(Options(apiPort, kubeconfig, timeScale) with { FallbackToFreePort = apiPort == 0 });
        return new ClusterSandbox(host, kubeconfig, timeScale);
    }

    /// <summary>Stops the API server and starts a fresh one on the same port and kubeconfig: what a restarted API server looks like to a client.</summary>
    public async Task RestartAsync()
    {
        var port = Host.KubernetesApi.Port;
        await Host.DisposeAsync();
        Host = await SandboxHost.StartAsync(Options(port, KubeconfigPath, TimeScale) with { FallbackToFreePort = false });
    }

    public ResourceInformer<T> Informer<T>(ResourceSource<T> source, InformerOptions? options = null, Microsoft.Extensions.Logging.ILogger? logger = null)
        where T : IKubernetesObject<k8s.Models.V1ObjectMeta> =>
        new(source, Connection, TimeProvider.System, logger ?? NullLogger.Instance, options);

    public ClusterViews Views(ClusterViewsOptions? options = null) =>
        new(options ?? new ClusterViewsOptions(), Connection, TimeProvider.System, NullLoggerFactory.Instance);

    private static SandboxOptions Options(int apiPort, string kubeconfig, double timeScale) => new()
    {
        ApiPort = apiPort,
        GatewayPort = 0,
        GitHubPort = 0,
        PrometheusPort = 0,
        TimeScale = timeScale,
        KubeconfigPath = kubeconfig,
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Connection.Dispose();
        await Host.DisposeAsync();
    }
}
