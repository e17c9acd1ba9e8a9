using DemoConsole.Core.Cluster;
using DemoConsole.Core.Observability;
using DemoConsole.Web.Configuration;
using Microsoft.Extensions.Options;

namespace DemoConsole.Web.Hosting;

/// <summary>
/// The Prometheus and Alertmanager the metrics views read: the configured ones; in sandbox mode, when none is configured,
/// the sandbox's own (set by <see cref="EmbeddedSandbox"/> once it listens).
/// </summary>
public sealed class MetricsEndpoints(IOptions<DemoConsoleOptions> options) : IMetricsEndpoints
{
    private Uri? _sandboxPrometheus;
    private Uri? _sandboxAlertmanager;

    public MetricsSource? Prometheus => Source(options.Value.Prometheus, _sandboxPrometheus);

    public MetricsSource? Alertmanager => Source(options.Value.Alertmanager, _sandboxAlertmanager);

    public TimeSpan Timeout => TimeSpan.FromSeconds(options.Value.Prometheus.TimeoutSeconds);

    /// <summary>The sandbox's addresses, for <c>GET /api/sandbox</c>.</summary>
    public Uri? SandboxPrometheus => _sandboxPrometheus;

    public Uri? SandboxAlertmanager => _sandboxAlertmanager;

    /// <summary>Set by the sandbox once it listens (its ports may differ from the defaults if they were taken).</summary>
    public void UseSandbox(Uri prometheus, Uri alertmanager)
    {
        _sandboxPrometheus = prometheus;
        _sandboxAlertmanager = alertmanager;
    }

    private MetricsSource? Source(MetricsSourceOptions configured, Uri? sandbox) =>
        configured.Url is { Length: > 0 } url
            ? new MetricsSource(new Uri(url), Blank(configured.BearerToken), Blank(configured.Username), Blank(configured.Password))
            : options.Value.Cluster.Mode == ClusterMode.Sandbox && sandbox is not null ? new MetricsSource(sandbox) : null;

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
