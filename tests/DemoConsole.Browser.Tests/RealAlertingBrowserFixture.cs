using System.Globalization;
using System.Text.Json.Nodes;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Observability;
using DemoConsole.Tests.Shared.Web;
using DemoConsole.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DemoConsole.Browser.Tests;

/// <summary>
/// The console on the embedded sandbox at a tenth of real time, reading Debian's real Prometheus and Alertmanager: Prometheus
/// scrapes the sandbox gateway's Istio and container metrics every second and evaluates the sandbox's own titanium-alerts
/// PrometheusRule (read with kubectl, turned into a rules file as the Prometheus Operator does, its <c>for: 5m</c> and
/// <c>[5m]</c> windows scaled to 30 s like the twin's), sending to the real Alertmanager. Both ports are chosen first so the
/// console can be configured with them before it starts.
/// </summary>
public sealed class RealAlertingBrowserFixture : BrowserFixture, IAsyncLifetime
{
    public const double TimeScale = 0.1;

    private readonly int _prometheusPort = RealPrometheus.FreePort();
    private readonly int _alertmanagerPort = RealPrometheus.FreePort();
    private RealPrometheus? _prometheus;

    public Uri Gateway => Services.GetRequiredService<EmbeddedSandbox>().Host!.Gateway;

    public string Kubeconfig => Services.GetRequiredService<EmbeddedSandbox>().Host!.KubeconfigPath;

    public RealPrometheus Prometheus => _prometheus!;

    protected override ConsoleWebFactory Configure(ConsoleWebFactory factory) => factory
        .With("DemoConsole:Cluster:SandboxTimeScale", TimeScale.ToString(CultureInfo.InvariantCulture))
        .With("DemoConsole:Prometheus:Url", $"http://127.0.0.1:{_prometheusPort}/")
        .With("DemoConsole:Alertmanager:Url", $"http://127.0.0.1:{_alertmanagerPort}/");

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        var rule = JsonNode.Parse(await KubectlCommand.RunAsync(Kubeconfig, "get", "prometheusrule", "titanium-alerts", "-n", "monitoring", "-o", "json"))!;
        _prometheus = await RealPrometheus.StartAsync(RealPrometheus.SandboxJobs(Gateway.Authority), PrometheusRuleFile.From(rule, TimeScale),
            withAlertmanager: true, port: _prometheusPort, alertmanagerPort: _alertmanagerPort);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_prometheus is not null)
        {
            await _prometheus.DisposeAsync();
        }

        await DisposeAsync();
    }
}
