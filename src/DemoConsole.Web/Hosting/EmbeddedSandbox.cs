using DemoConsole.Core.Cluster;
using DemoConsole.Sandbox;
using DemoConsole.Web.Configuration;
using Microsoft.Extensions.Options;

namespace DemoConsole.Web.Hosting;

/// <summary>
/// In sandbox mode, starts the embedded twin of the platform on loopback before the console takes requests,
/// and points the gateway, the metrics views (its Prometheus and Alertmanager twin) and, later, the cluster client at
/// it. In the other modes it does nothing.
/// </summary>
public sealed partial class EmbeddedSandbox(
    IOptions<DemoConsoleOptions> options,
    GatewayAddress gateway,
    MetricsEndpoints metrics,
    ILogger<EmbeddedSandbox> logger) : IHostedService, IAsyncDisposable
{
    private SandboxHost? _host;

    /// <summary>The running sandbox, or null outside sandbox mode.</summary>
    public SandboxHost? Host => _host;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var cluster = options.Value.Cluster;
        if (cluster.Mode != ClusterMode.Sandbox)
        {
            return;
        }

        _host = await SandboxHost.StartAsync(new SandboxOptions
        {
            ApiPort = cluster.SandboxApiPort,
            GatewayPort = cluster.SandboxGatewayPort,
            PrometheusPort = cluster.SandboxPrometheusPort,
            GitHubPort = cluster.SandboxGitHubPort,
            TimeScale = cluster.SandboxTimeScale,
            Logger = logger,
        }, cancellationToken);
        gateway.UseSandbox(_host.Gateway);
        metrics.UseSandbox(_host.Prometheus, _host.Alertmanager);
        LogStarted(_host.KubernetesApi, _host.Gateway, _host.KubeconfigPath, _host.Prometheus, _host.GitHub);
    }

    public Task StopAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        // Taken before disposing: the host's stop and the container's disposal both call this.
        if (Interlocked.Exchange(ref _host, null) is { } host)
        {
            await host.DisposeAsync();
        }
    }

    [LoggerMessage(EventId = 500, Level = LogLevel.Information,
        Message = "Sandbox running: Kubernetes API {KubernetesApi}, gateway {Gateway}, kubeconfig {Kubeconfig}, Prometheus and Alertmanager {Prometheus}, GitHub (Enterprise base address) {GitHub}")]
    private partial void LogStarted(Uri kubernetesApi, Uri gateway, string kubeconfig, Uri prometheus, Uri gitHub);
}
