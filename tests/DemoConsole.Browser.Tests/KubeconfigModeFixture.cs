using System.Net.Http.Headers;
using DemoConsole.Sandbox;
using DemoConsole.Tests.Shared.Observability;
using DemoConsole.Tests.Shared.Web;
using DemoConsole.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DemoConsole.Browser.Tests;

/// <summary>
/// Two consoles side by side. One in <c>Kubeconfig</c> mode, as against a real cluster: the sandbox runs on its own (like
/// <c>dotnet run --project src/DemoConsole.Sandbox</c>), the console only gets its kubeconfig file and
/// <c>DemoConsole:Prometheus:Url</c> of Debian's real Prometheus scraping that sandbox. The other in the default sandbox
/// mode (embedded sandbox, its Prometheus twin), for comparison.
/// </summary>
public sealed class KubeconfigModeFixture : BrowserFixture, IAsyncLifetime
{
    private readonly int _prometheusPort = RealPrometheus.FreePort();
    private SandboxHost? _cluster;
    private RealPrometheus? _prometheus;
    private ConsoleWebFactory? _sandboxConsole;

    /// <summary>The gateway of the "cluster" the Kubeconfig-mode console reads.</summary>
    public Uri ClusterGateway => _cluster!.Gateway;

    public Uri SandboxConsole { get; private set; } = default!;

    public Uri SandboxConsoleGateway => _sandboxConsole!.Services.GetRequiredService<EmbeddedSandbox>().Host!.Gateway;

    protected override ConsoleWebFactory Configure(ConsoleWebFactory factory) => factory
        .With("DemoConsole:Cluster:Mode", "Kubeconfig")
        .With("DemoConsole:Cluster:Kubeconfig", _cluster!.KubeconfigPath)
        .With("DemoConsole:Prometheus:Url", $"http://127.0.0.1:{_prometheusPort}/");

    async Task IAsyncLifetime.InitializeAsync()
    {
        _cluster = await SandboxHost.StartAsync(new SandboxOptions
        {
            ApiPort = 0,
            GatewayPort = 0,
            PrometheusPort = 0,
            GitHubPort = 0,
            KubeconfigPath = Path.Combine(Directory.CreateTempSubdirectory("kubeconfig-mode-").FullName, "kubeconfig"),
        });
        _prometheus = await RealPrometheus.StartAsync(RealPrometheus.SandboxJobs(_cluster.Gateway.Authority), port: _prometheusPort);
        await InitializeAsync();
        _sandboxConsole = new ConsoleWebFactory();
        SandboxConsole = _sandboxConsole.StartKestrel();
    }

    /// <summary>Moves a console's session to a part through its API, as a clicker app would.</summary>
    public static async Task GoToPartAsync(Uri console, int part)
    {
        using var http = new HttpClient { BaseAddress = console };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ConsoleWebFactory.PresenterKey);
        (await http.PostAsync(new Uri($"/api/session/part/{part}", UriKind.Relative), null)).EnsureSuccessStatusCode();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_sandboxConsole is not null)
        {
            await _sandboxConsole.DisposeAsync();
        }

        await DisposeAsync();
        if (_prometheus is not null)
        {
            await _prometheus.DisposeAsync();
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
