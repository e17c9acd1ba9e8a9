using Microsoft.Extensions.Logging;

namespace DemoConsole.Sandbox;

/// <summary>How to start the sandbox. Defaults match the seed: API on 6443, gateway on the NodePort 31304.</summary>
public sealed record SandboxOptions
{
    /// <summary>Port of the Kubernetes API (plain HTTP). 0 picks a free port.</summary>
    public int ApiPort { get; init; } = 6443;

    /// <summary>Port of the demo gateway. 0 picks a free port.</summary>
    public int GatewayPort { get; init; } = 31304;

    /// <summary>Port of the Prometheus twin (Prometheus HTTP API and Alertmanager API v2). 0 picks a free port.</summary>
    public int PrometheusPort { get; init; } = 30090;

    /// <summary>How often the Prometheus twin scrapes the sandbox's exporters, before the time scale applies.</summary>
    public TimeSpan PrometheusScrapeInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How much history the Prometheus twin keeps, before the time scale applies (the 60-minute views plus rate windows).</summary>
    public TimeSpan PrometheusRetention { get; init; } = TimeSpan.FromMinutes(90);


    /// <summary>Port of the GitHub REST twin (GitHub Enterprise layout, REST under /api/v3/). 0 picks a free port.</summary>
    public int GitHubPort { get; init; } = 9443;

    /// <summary>The GitHub twin's primary rate limit per token and hour (GitHub's is 5000 for a personal token).</summary>
    public int GitHubRateLimit { get; init; } = 5000;

    /// <summary>The GitHub twin's secondary limit on content writes per token and minute (GitHub documents 80).</summary>
    public int GitHubContentWritesPerMinute { get; init; } = 80;

    /// <summary>Address all servers listen on; loopback unless a team deliberately shares a sandbox.</summary>
    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary>Where to write the kubeconfig; null writes one to a temporary file.</summary>
    public string? KubeconfigPath { get; init; }

    /// <summary>Multiplies every simulated duration (pod start, termination, latency). 1 = realistic; tests use 0.01 or less.</summary>
    public double TimeScale { get; init; } = 1.0;

    /// <summary>When a requested non-zero port is taken, listen on a free one instead of failing.</summary>
    public bool FallbackToFreePort { get; init; } = true;

    /// <summary>The sandbox's clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where the sandbox logs its own faults (a transition or controller that threw); null: nowhere but <c>Faults</c>.</summary>
    public ILogger? Logger { get; init; }

    internal IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (ApiPort is < 0 or > 65535)
        {
            problems.Add($"ApiPort must be between 0 and 65535 (got {ApiPort}).");
        }

        if (GatewayPort is < 0 or > 65535)
        {
            problems.Add($"GatewayPort must be between 0 and 65535 (got {GatewayPort}).");
        }

        if (GitHubPort is < 0 or > 65535)
        {
            problems.Add($"GitHubPort must be between 0 and 65535 (got {GitHubPort}).");
        }

        if (GitHubRateLimit < 1 || GitHubContentWritesPerMinute < 1)
        {
            problems.Add($"GitHubRateLimit and GitHubContentWritesPerMinute must be at least 1 (got {GitHubRateLimit}, {GitHubContentWritesPerMinute}).");
        }

        if (PrometheusPort is < 0 or > 65535)
        {
            problems.Add($"PrometheusPort must be between 0 and 65535 (got {PrometheusPort}).");
        }

        if (PrometheusScrapeInterval <= TimeSpan.Zero || PrometheusRetention < PrometheusScrapeInterval)
        {
            problems.Add($"PrometheusScrapeInterval must be positive and at most PrometheusRetention (got {PrometheusScrapeInterval} and {PrometheusRetention}).");
        }

        if (!System.Net.IPAddress.TryParse(BindAddress, out _))
        {
            problems.Add($"BindAddress must be an IP address (got '{BindAddress}').");
        }

        if (double.IsNaN(TimeScale) || TimeScale < 0 || TimeScale > 100)
        {
            problems.Add($"TimeScale must be between 0 and 100 (got {TimeScale}).");
        }

        return problems;
    }
}
