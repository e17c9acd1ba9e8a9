using DemoConsole.Core.Observability;
using DemoConsole.Sandbox;
using DemoConsole.Tests.Shared.Observability;
using Microsoft.Extensions.Logging.Abstractions;

namespace DemoConsole.Core.Tests.Observability;

/// <summary>
/// A sandbox whose gateway's /metrics a real Prometheus scrapes every second, with a real Alertmanager and two alerting
/// rules (one that always fires, the runbook's HighErrorRate), shared by the tests of a class.
/// </summary>
public sealed class RealPrometheusFixture : IAsyncLifetime
{
    public const string Rules = """
        groups:
          - name: test.rules
            rules:
              - alert: AlwaysFiring
                expr: vector(1) > 0
                for: 0s
                labels: { severity: warning }
                annotations: { summary: always on }
              - alert: HighErrorRate
                expr: sum(rate(istio_requests_total{response_code=~"5.."}[1m])) / sum(rate(istio_requests_total[1m])) > 0.05
                for: 1m
                labels: { severity: critical }
        """;

    private readonly HttpClient _http = new();

    public SandboxHost Sandbox { get; private set; } = default!;

    public RealPrometheus Prometheus { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            ApiPort = 0,
            GatewayPort = 0,
            TimeScale = 0.01,
            KubeconfigPath = Path.Combine(Directory.CreateTempSubdirectory("metrics-test-").FullName, "kubeconfig"),
        });
        Prometheus = await RealPrometheus.StartAsync([Sandbox.Gateway.Authority], Rules, withAlertmanager: true);
    }

    public MetricsClient Client(TimeSpan? timeout = null, bool withAlertmanager = true) => new(
        _http,
        new StaticMetricsEndpoints(new MetricsSource(Prometheus.Address), withAlertmanager && Prometheus.Alertmanager is { } am ? new MetricsSource(am) : null, timeout),
        NullLogger<MetricsClient>.Instance);

    /// <summary>Real requests through the sandbox gateway: what the Istio metrics count.</summary>
    public async Task SendAsync(string path, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var response = await _http.GetAsync(new Uri(Sandbox.Gateway, path));
        }
    }

    public async Task DisposeAsync()
    {
        if (Prometheus is not null)
        {
            await Prometheus.DisposeAsync();
        }

        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }

        _http.Dispose();
    }
}
