using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Gateway;
using DemoConsole.Sandbox.Prometheus.Rules;

namespace DemoConsole.Sandbox.Prometheus;

/// <summary>
/// The sandbox's Prometheus (and Alertmanager): scrapes the gateway's exporters into a bounded store, evaluates the
/// PrometheusRule objects, and answers the HTTP API. Scrape interval and retention follow the sandbox time scale.
/// </summary>
internal sealed class PrometheusTwin : IAsyncDisposable
{
    public const string IstioJob = "envoy-stats";
    public const string KubeletJob = "kubelet";
    private static readonly TimeSpan Floor = TimeSpan.FromMilliseconds(20);

    public PrometheusTwin(Cluster cluster, DemoGateway gateway, Uri gatewayUri, TimeSpan scrapeInterval, TimeSpan retention)
    {
        Cluster = cluster;
        var interval = cluster.Scaled(scrapeInterval);
        interval = interval < Floor ? Floor : interval;

        // The ring size comes from the unscaled figures, so a fast clock keeps the same number of samples per series.
        var samplesPerSeries = (int)Math.Ceiling(retention / scrapeInterval) + 1;
        Store = new SampleStore(samplesPerSeries, interval * samplesPerSeries);
        var instance = gatewayUri.Authority;
        Targets =
        [
            new ScrapeTarget(IstioJob, instance, gateway.Metrics.Families),
            new ScrapeTarget(KubeletJob, instance, gateway.Containers.Families),
        ];
        Scraper = new SelfScraper(cluster.Time, Store, Targets, interval, cluster.RecordFault);
        Rules = new RuleManager(cluster, Store);
    }

    public Cluster Cluster { get; }

    /// <summary>The exporters the twin scrapes, as a real Prometheus would be configured to (job, instance, path's content).</summary>
    public IReadOnlyList<ScrapeTarget> Targets { get; }

    public SampleStore Store { get; }

    public SelfScraper Scraper { get; }

    public RuleManager Rules { get; }

    /// <summary>The twin's own address, used in alerts' generatorURL; set once its server listens.</summary>
    public Uri ExternalUrl { get; set; } = new("http://127.0.0.1:9090/");

    public long NowMilliseconds => Cluster.Now.ToUnixTimeMilliseconds();

    public void Start()
    {
        Scraper.Start();
        Rules.Start();
    }

    public async ValueTask DisposeAsync()
    {
        await Rules.DisposeAsync();
        await Scraper.DisposeAsync();
    }
}
