using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using DemoConsole.Sandbox.Api;
using DemoConsole.Sandbox.Auth;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Gateway;
using DemoConsole.Sandbox.GitHub;
using DemoConsole.Sandbox.Prometheus;
using DemoConsole.Sandbox.Prometheus.Api;
using DemoConsole.Sandbox.World;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DemoConsole.Sandbox;

/// <summary>
/// The running sandbox: the Titanium world, its Kubernetes API, its demo gateway, its Prometheus/Alertmanager twin and
/// its GitHub (the demo repository, its Actions pipeline, Argo CD following it), on loopback ports.
/// Start with <see cref="StartAsync"/>, stop with <see cref="DisposeAsync"/>.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly Cluster _cluster;
    private readonly WebApplication _api;
    private readonly X509Certificate2 _certificate;
    private readonly WebApplication _gateway;
    private readonly WebApplication _gitHub;
    private readonly GitHubTwin _gitHubTwin;
    private readonly bool _ownsKubeconfig;
    private readonly LoadGeneratorSimulator _loadGenerator;
    private readonly WebApplication _prometheus;
    private readonly PrometheusTwin _twin;

    private SandboxHost(
        Cluster cluster,
        (WebApplication Server, X509Certificate2 Certificate) api,
        WebApplication gateway,
        (WebApplication Server, PrometheusTwin Twin) prometheus,
        (WebApplication Server, GitHubTwin Twin, RequestJournal Journal) gitHub,
        LoadGeneratorSimulator loadGenerator,
        string kubeconfigPath,
        bool ownsKubeconfig,
        RequestJournal journal)
    {
        _prometheus = prometheus.Server;
        _twin = prometheus.Twin;
        Prometheus = BoundUri(prometheus.Server);
        _gitHub = gitHub.Server;
        _gitHubTwin = gitHub.Twin;
        GitHubJournal = gitHub.Journal;
        GitHub = BoundUri(gitHub.Server);
        _loadGenerator = loadGenerator;
        _cluster = cluster;
        _api = api.Server;
        _certificate = api.Certificate;
        KubernetesApiSecure = BoundUri(api.Server, "https");
        CertificateAuthorityPem = ServingCertificate.Pem(api.Certificate);
        _gateway = gateway;
        _ownsKubeconfig = ownsKubeconfig;
        KubeconfigPath = kubeconfigPath;
        Journal = journal;
        KubernetesApi = BoundUri(api.Server);
        Gateway = BoundUri(gateway);
    }

    /// <summary>Base address of the Kubernetes API (plain HTTP).</summary>
    public Uri KubernetesApi { get; }

    /// <summary>
    /// The same API over HTTPS (a free port), the way a pod reaches it: clients send service-account bearer tokens
    /// only over TLS. Its certificate is <see cref="CertificateAuthorityPem"/>.
    /// </summary>
    public Uri KubernetesApiSecure { get; }

    /// <summary>The secure port's CA certificate (PEM), what a pod reads as <c>ca.crt</c>.</summary>
    public string CertificateAuthorityPem { get; }

    /// <summary>Base address of the demo gateway (the seed's http://10.0.11.168:31304).</summary>
    public Uri Gateway { get; }

    /// <summary>Base address of the Prometheus twin's HTTP API (/api/v1/query, /api/v1/rules, …).</summary>
    public Uri Prometheus { get; }

    /// <summary>Base address of the Alertmanager twin's API v2 (/api/v2/alerts); served by the Prometheus twin's server.</summary>
    public Uri Alertmanager => Prometheus;

    /// <summary>
    /// The GitHub twin's GitHub Enterprise base address (REST under /api/v3/): <c>new GitHubClient(product, GitHub)</c>
    /// talks to it unchanged.
    /// </summary>
    public Uri GitHub { get; }

    /// <summary>A fine-grained token of the twin with what the demo needs (contents write, actions read).</summary>
    public string GitHubToken => _gitHubTwin.Token;

    /// <summary>Every request the GitHub twin received.</summary>
    public RequestJournal GitHubJournal { get; }

    /// <summary>A kubeconfig pointing at <see cref="KubernetesApi"/>.</summary>
    public string KubeconfigPath { get; }

    /// <summary>Every request the Kubernetes API received.</summary>
    public RequestJournal Journal { get; }

    /// <summary>Issues another token of the twin with exactly these permissions (for rehearsing a token lacking scope).</summary>
    public string CreateGitHubToken(GitHubTokenPermissions permissions) => _gitHubTwin.Access.Issue(permissions);

    /// <summary>The load-generator manifest shipped next to the sandbox (the seed's load-generator.yaml).</summary>
    public static string LoadGeneratorManifestPath => Path.Combine(AppContext.BaseDirectory, "World", "manifests", "load-generator.yaml");

    /// <summary>
    /// Seeds the Titanium world, starts the controllers, the Kubernetes API and the gateway, and writes the
    /// kubeconfig. Invalid options throw <see cref="ArgumentException"/> listing every problem; a taken port
    /// throws <see cref="IOException"/> unless <see cref="SandboxOptions.FallbackToFreePort"/> picks a free one.
    /// </summary>
    public static async Task<SandboxHost> StartAsync(SandboxOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(options));
        }

        var address = IPAddress.Parse(options.BindAddress);
        var cluster = new Cluster(options.TimeProvider, options.TimeScale, options.Logger);
        WorldSeeder.Seed(cluster);
        cluster.Start();
        var journal = new RequestJournal();
        var demoGateway = new DemoGateway(cluster);
        WebApplication? api = null;
        WebApplication? gateway = null;
        WebApplication? prometheus = null;
        PrometheusTwin? twin = null;
        WebApplication? gitHub = null;
        X509Certificate2? certificate = null;
        try
        {
            var resourceMetrics = new ResourceMetricsApi(cluster);
            certificate = ServingCertificate.Create(address);
            var serving = certificate;
            api = await StartServerAsync(port => KubeApiServer.Build(cluster, journal, address, port, serving, resourceMetrics), options.ApiPort, options.FallbackToFreePort, cancellationToken);
            gateway = await StartServerAsync(port => GatewayServer.Build(demoGateway, address, port), options.GatewayPort, options.FallbackToFreePort, cancellationToken);
            twin = new PrometheusTwin(cluster, demoGateway, BoundUri(gateway), options.PrometheusScrapeInterval, options.PrometheusRetention);
            var prometheusTwin = twin;
            prometheus = await StartServerAsync(port => PrometheusServer.Build(prometheusTwin, address, port), options.PrometheusPort, options.FallbackToFreePort, cancellationToken);
            twin.ExternalUrl = BoundUri(prometheus);
            resourceMetrics.Twin = twin;
            var gitHubTwin = new GitHubTwin(cluster, options.GitHubRateLimit, options.GitHubContentWritesPerMinute);
            var gitHubJournal = new RequestJournal();
            gitHub = await StartServerAsync(port => GitHubServer.Build(gitHubTwin, gitHubJournal, options.TimeProvider, address, port), options.GitHubPort, options.FallbackToFreePort, cancellationToken);
            var ownsKubeconfig = options.KubeconfigPath is null;
            var kubeconfig = options.KubeconfigPath ?? Path.Combine(Path.GetTempPath(), $"sandbox-kubeconfig-{Guid.NewGuid():N}.yaml");
            var loadGenerator = new LoadGeneratorSimulator(cluster, demoGateway);
            var host = new SandboxHost(cluster, (api, certificate), gateway, (prometheus, twin), (gitHub, gitHubTwin, gitHubJournal), loadGenerator, kubeconfig, ownsKubeconfig, journal);
            KubeconfigWriter.Write(kubeconfig, host.KubernetesApi);
            loadGenerator.Start();
            twin.Start();
            return host;
        }
        catch
        {
            if (api is not null)
            {
                await api.DisposeAsync();
            }

            if (gateway is not null)
            {
                await gateway.DisposeAsync();
            }

            if (gitHub is not null)
            {
                await gitHub.DisposeAsync();
            }

            if (prometheus is not null)
            {
                await prometheus.DisposeAsync();
            }

            if (twin is not null)
            {
                await twin.DisposeAsync();
            }

            await cluster.DisposeAsync();
            certificate?.Dispose();
            throw;
        }
    }

    /// <summary>Stops both servers and the simulated cluster; deletes the kubeconfig if the sandbox chose its path.</summary>
    public async ValueTask DisposeAsync()
    {
        // The cluster stops first so open watches and log follows end, letting Kestrel shut down promptly.
        await _cluster.StopAsync();
        await _loadGenerator.DisposeAsync();
        await _twin.DisposeAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _api.StopAsync(timeout.Token);
        await _gateway.StopAsync(timeout.Token);
        await _prometheus.StopAsync(timeout.Token);
        await _gitHub.StopAsync(timeout.Token);
        await _api.DisposeAsync();
        await _gateway.DisposeAsync();
        await _prometheus.DisposeAsync();
        await _gitHub.DisposeAsync();
        await _cluster.DisposeAsync();
        _certificate.Dispose();
        if (_ownsKubeconfig)
        {
            File.Delete(KubeconfigPath);
        }
    }

    /// <summary>
    /// Defects of the simulation so far (a controller or timed transition that threw), oldest first: empty while the
    /// sandbox is sound. Each is logged too (<see cref="SandboxOptions.Logger"/>).
    /// </summary>
    public IReadOnlyList<string> Faults => [.. _cluster.Faults.Select(e => $"{e.GetType().Name}: {e.Message}")];

    internal Cluster Cluster => _cluster;

    internal PrometheusTwin PrometheusTwin => _twin;

    internal GitHubTwin GitHubTwin => _gitHubTwin;

    private static async Task<WebApplication> StartServerAsync(Func<int, WebApplication> build, int port, bool fallback, CancellationToken cancellationToken)
    {
        var app = build(port);
        try
        {
            await app.StartAsync(cancellationToken);
            return app;
        }
        catch (Exception e) when (fallback && port != 0 && IsAddressInUse(e))
        {
            await app.DisposeAsync();
            var retry = build(0);
            await retry.StartAsync(cancellationToken);
            return retry;
        }
    }

    private static bool IsAddressInUse(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is Microsoft.AspNetCore.Connections.AddressInUseException
                || (e is SocketException s && s.SocketErrorCode == SocketError.AddressAlreadyInUse))
            {
                return true;
            }
        }

        return false;
    }

    private static Uri BoundUri(WebApplication app, string scheme = "http")
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                .First(a => a.StartsWith(scheme + "://", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("The server reported no address.");
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }
}
