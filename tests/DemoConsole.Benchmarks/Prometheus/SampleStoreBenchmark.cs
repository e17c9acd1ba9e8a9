using System.Diagnostics;
using System.Globalization;
using DemoConsole.Sandbox;
using DemoConsole.Sandbox.Prometheus;
using DemoConsole.Sandbox.Prometheus.PromQl;

namespace DemoConsole.Benchmarks.Prometheus;

/// <summary>
/// The Prometheus twin over one hour of samples: the sandbox's real exporters scraped 720 times at 5 s (timestamps
/// laid out over the last hour) with steady traffic through the real gateway between scrapes (the seed's mix: blog,
/// users, login, 404/405 bursts). Prints the store's series, samples and managed memory, and the time of the
/// Golden Signals query set as 1-hour range queries at 5 s steps (what a 60-minute chart asks for).
/// </summary>
internal static class SampleStoreBenchmark
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Retention = TimeSpan.FromMinutes(90);

    private static readonly string[] GoldenSignals =
    [
        "sum(rate(istio_requests_total{reporter=\"destination\",destination_workload_namespace=\"titanium-prod\"}[1m])) by (destination_service_name)",
        "sum(rate(istio_requests_total{reporter=\"destination\",response_code=~\"5..\"}[1m])) by (destination_service_name) / sum(rate(istio_requests_total{reporter=\"destination\"}[1m])) by (destination_service_name) * 100",
        "sum(rate(istio_requests_total{reporter=\"destination\",response_code=~\"4..\"}[1m])) by (destination_service_name) / sum(rate(istio_requests_total{reporter=\"destination\"}[1m])) by (destination_service_name) * 100",
        "sum(increase(istio_requests_total{reporter=\"destination\"}[1m])) by (response_code)",
        "histogram_quantile(0.50, sum(rate(istio_request_duration_milliseconds_bucket{reporter=\"destination\"}[1m])) by (le))",
        "histogram_quantile(0.95, sum(rate(istio_request_duration_milliseconds_bucket{reporter=\"destination\"}[1m])) by (le))",
        "histogram_quantile(0.99, sum(rate(istio_request_duration_milliseconds_bucket{reporter=\"destination\"}[1m])) by (le))",
        "sum(rate(container_cpu_usage_seconds_total{namespace=\"titanium-prod\",container!=\"\",container!=\"POD\"}[1m])) by (pod)",
        "sum(container_memory_working_set_bytes{namespace=\"titanium-prod\",container!=\"\",container!=\"POD\"}) by (pod)",
    ];

    public static async Task<int> RunAsync()
    {
        // Time scale 1: the sandbox's own twin scrapes every 5 s and stays out of the measured heap's way.
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { ApiPort = 0, GatewayPort = 0, PrometheusPort = 0, TimeScale = 1 });
        using var gateway = new HttpClient { BaseAddress = sandbox.Gateway };
        string[] paths = ["/blog/", "/api/users", "/api/users/1", "/blog/api/posts", "/nonexistent-endpoint"];
        var end = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var steps = (int)(TimeSpan.FromHours(1) / Interval);
        var start = end - (steps * (long)Interval.TotalMilliseconds);

        var samplesPerSeries = (int)Math.Ceiling(Retention / Interval) + 1;
        SampleStore? store = new SampleStore(samplesPerSeries, Interval * samplesPerSeries);
        SelfScraper? scraper = new SelfScraper(TimeProvider.System, store, sandbox.PrometheusTwin.Targets, Interval, _ => { });
        for (var step = 0; step <= steps; step++)
        {
            // ~2 requests a second on average, as the load generator plus a presenter's bursts would give.
            for (var i = 0; i < 10; i++)
            {
                (await gateway.GetAsync(new Uri(paths[(step + i) % paths.Length], UriKind.Relative))).Dispose();
            }

            if (step % 40 == 0)
            {
                (await gateway.DeleteAsync(new Uri("/blog/", UriKind.Relative))).Dispose();
            }

            scraper!.ScrapeOnce(start + (step * (long)Interval.TotalMilliseconds));
        }

        var (series, samples) = (store!.SeriesCount, store.SampleCount);

        var timings = new List<double>();
        for (var round = 0; round < 7; round++)
        {
            var started = Stopwatch.GetTimestamp();
            var points = 0;
            foreach (var query in GoldenSignals)
            {
                points += new Evaluator(store!).Range(Parser.Parse(query), start, end, (long)Interval.TotalMilliseconds).Sum(s => s.Points.Count);
            }

            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (round == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"golden signals query set: {GoldenSignals.Length} range queries, 1 h at 5 s steps, {points} points returned"));
            }
        }

        // The store's own footprint: the managed heap with it, minus without it (the sandbox's logs and state stay).
        var withStore = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(store);
        store = null;
        scraper = null;
        var withoutStore = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sample store after 1 h at 5 s: {series} series, {samples} samples, {(withStore - withoutStore) / 1048576.0:0.0} MiB managed (ring of {samplesPerSeries} samples a series = {Retention.TotalMinutes:0} min retention, {SeriesBuffer.BytesPerSample} B a sample)"));
        GC.KeepAlive(scraper);
        timings.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  time per query set: median {timings[3]:0} ms, min {timings[0]:0} ms, max {timings[^1]:0} ms (7 rounds)"));
        return 0;
    }
}
