using System.Globalization;
using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Api;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Store;
using DemoConsole.Sandbox.Tests.Support;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Observability;
using Xunit.Abstractions;

namespace DemoConsole.Sandbox.Tests.Prometheus;

/// <summary>
/// The twin held against the real Prometheus 2.42 (Debian): both scrape the same sandbox every second while the same
/// traffic crosses its gateway (the seed's blog burst, user and login calls, 404/405 error bursts, then 503s while
/// the user service is unready), then the Golden Signals queries and the titanium-alerts expression run against both
/// at the same evaluation time. Same series must come back, with values within a tolerance: each side samples on
/// its own phase, so the two counts inside the window differ by the traffic of up to one scrape interval at each
/// edge, and rate() extrapolates to the edges at the window's average slope. Over the ~30 s window that is a few
/// percent when traffic is steady and more when the machine is loaded and traffic comes in gusts (measured up to
/// 7.3 % over a 20 s window at load average 17). The tolerance is 15 % relative (1e-9 absolute near zero) for rates
/// and what is computed from them, 0.1 % for working sets (64 bytes a request on ~100 MiB), exact for series counts.
/// </summary>
[Collection(nameof(DifferentialTests))]
public sealed class DifferentialTests(ITestOutputHelper output)
{
    private const double RateTolerance = 0.15;

    /// <summary>
    /// A pod's CPU rate is a few millicores, and requests' CPU charges landing just inside or outside the window's edges
    /// (the two sides scrape at different instants) move it by a fraction of a millicore: such queries are also
    /// accepted within 1 millicore (0.1 when shown as a percentage of a core). Everything else exactly or relatively.
    /// </summary>
    private static double AbsoluteTolerance(string query) =>
        !query.Contains("container_cpu_usage_seconds_total", StringComparison.Ordinal) ? 1e-9
        : query.StartsWith("100 *", StringComparison.Ordinal) ? 0.1
        : 0.001;

    // The reference's Golden Signals (istio-metrics-and-kiali.md), with the rate window W in place of 5m.
    private static readonly string[] GoldenSignals =
    [
        "sum(rate(istio_requests_total{reporter=\"destination\"}[W])) by (destination_workload, destination_workload_namespace)",
        "sum(rate(istio_requests_total{reporter=\"source\",source_workload_namespace=\"titanium-prod\"}[W])) by (source_workload, destination_service_name, response_code, response_flags) > 0",
        "sum(rate(istio_requests_total{reporter=\"destination\",response_code=~\"5..\"}[W])) by (destination_service_name) / sum(rate(istio_requests_total{reporter=\"destination\"}[W])) by (destination_service_name) * 100",
        "sum(rate(istio_requests_total{reporter=\"destination\",response_code=~\"4..\"}[W])) by (destination_service_name) / sum(rate(istio_requests_total{reporter=\"destination\"}[W])) by (destination_service_name) * 100",
        "1 - sum(irate(istio_requests_total{reporter=~\"destination\",destination_workload_namespace=~\"titanium-prod\",response_code!~\"5.*\"}[W])) / sum(irate(istio_requests_total{reporter=~\"destination\",destination_workload_namespace=~\"titanium-prod\"}[W]))",
        "histogram_quantile(0.50, sum(rate(istio_request_duration_milliseconds_bucket{reporter=\"destination\"}[W])) by (le, destination_workload))",
        "histogram_quantile(0.95, sum(rate(istio_request_duration_milliseconds_bucket{reporter=\"destination\"}[W])) by (le, destination_workload))",
        "histogram_quantile(0.99, sum(rate(istio_request_duration_milliseconds_bucket{reporter=\"destination\"}[W])) by (le))",
        "sum(rate(istio_request_duration_milliseconds_sum{reporter=\"destination\"}[W])) by (destination_service_name) / sum(rate(istio_request_duration_milliseconds_count{reporter=\"destination\"}[W])) by (destination_service_name)",
        "sum(increase(istio_requests_total{reporter=\"destination\",destination_workload_namespace=\"titanium-prod\"}[W])) by (response_code)",
        "sum(rate(istio_requests_total{connection_security_policy=\"mutual_tls\",reporter=\"destination\"}[W])) by (source_workload, destination_workload)",
        "sum(rate(istio_tcp_sent_bytes_total{reporter=\"source\"}[W])) by (source_workload, destination_service_name)",
        "sum(rate(container_cpu_usage_seconds_total{namespace=\"titanium-prod\",container!=\"\",container!=\"POD\"}[W])) by (pod)",
        "sum by (container) (rate(container_cpu_usage_seconds_total{namespace=\"titanium-prod\",container!=\"\",container!=\"POD\"}[W]))",
        "max(rate(container_cpu_usage_seconds_total{container=\"istio-proxy\"}[W])) by (namespace) > bool 0",

        // The console's own query set (Core's MetricQueries, $namespace = titanium-prod, $rate = W).
        "100 * (sum(rate(istio_requests_total{reporter=\"destination\",destination_workload_namespace=\"titanium-prod\",response_code=~\"4..\"}[W])) or vector(0)) / sum(rate(istio_requests_total{reporter=\"destination\",destination_workload_namespace=\"titanium-prod\"}[W]))",
        "100 * (sum(rate(istio_requests_total{reporter=\"destination\",destination_workload_namespace=\"titanium-prod\",response_code=~\"5..\"}[W])) or vector(0)) / sum(rate(istio_requests_total{reporter=\"destination\",destination_workload_namespace=\"titanium-prod\"}[W]))",
        "100 * sum(rate(container_cpu_usage_seconds_total{namespace=\"titanium-prod\",container!=\"\",container!=\"POD\"}[W])) by (pod)",
        "sum(rate(istio_requests_total{reporter=\"destination\",destination_workload_namespace=\"titanium-prod\"}[W])) by (source_workload, destination_workload, response_code, connection_security_policy)",
        "histogram_quantile(0.95, sum(rate(istio_request_duration_milliseconds_bucket{reporter=\"destination\",destination_workload_namespace=\"titanium-prod\"}[W])) by (le, source_workload, destination_workload))",
        "round(sum(rate(istio_requests_total{reporter=\"source\",source_workload_namespace=\"titanium-prod\"}[W])) by (source_workload, destination_service, destination_workload, response_code, response_flags) > 0, 0.001)",
    ];

    // Working sets grow by 64 bytes a request on ~100 MiB, so the two sides' last scrapes differ by far less than 0.1 %.
    private static readonly (string Query, double Tolerance)[] Gauges =
    [
        ("sum(container_memory_working_set_bytes{namespace=\"titanium-prod\",container!=\"\",container!=\"POD\"}) by (pod)", 1e-3),
        ("sum(container_memory_working_set_bytes{container=\"istio-proxy\"})", 1e-3),
        ("count(istio_requests_total) by (reporter, connection_security_policy)", 0),
    ];

    [Fact]
    public async Task GoldenSignalsAndAlertRule_SameTraffic_TwinAgreesWithRealPrometheus()
    {
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            ApiPort = 0,
            GatewayPort = 0,
            PrometheusPort = 0,
            TimeScale = 1,
            PrometheusScrapeInterval = TimeSpan.FromSeconds(1),
        });

        // A pod the HPA adds or removes mid-window starts or ends its series at a different scrape on each side, so
        // its CPU rate (and whether it has one) differs by sampling alone: the replica counts stay put here.
        foreach (var hpa in sandbox.Cluster.Store.List(ResourceTypes.HorizontalPodAutoscalers, null).Items)
        {
            sandbox.Cluster.Store.Delete(ResourceTypes.HorizontalPodAutoscalers, hpa.Namespace, hpa.Name);
        }
        var rule = sandbox.Cluster.Store.GetRequired(ResourceTypes.PrometheusRules, "monitoring", "titanium-alerts");
        // Scraped like the twin scrapes the sandbox (same jobs, paths and instance), with the PrometheusRule's groups as
        // a rules file (JSON is YAML).
        var instance = sandbox.Gateway.Authority;
        await using var real = await RealPrometheus.StartAsync(RealPrometheus.SandboxJobs(instance), PrometheusRuleFile.From(rule.Node));
        using var twin = new HttpClient { BaseAddress = sandbox.Prometheus };
        using var gateway = TestSandbox.Gateway(sandbox);

        // Steady closed-loop traffic (no pacing: each request follows the previous one) runs through the whole
        // window, so counters grow about linearly on both sides and the window's edges fall inside the traffic.
        using var stop = new CancellationTokenSource();
        var traffic = Task.Run(() => DriveTrafficAsync(gateway, stop.Token));
        await WaitForScrapesAsync(sandbox, real, 3);
        var windowStart = sandbox.Cluster.Now;
        await WaitForScrapesAsync(sandbox, real, 15);

        // The user service's readiness probe fails: the api-gateway's sidecar finds no healthy upstream (503 UH).
        foreach (var pod in sandbox.Cluster.Store.List(ResourceTypes.Pods, "titanium-prod").Items.Where(p => (string?)p.Metadata["labels"]?["app"] == "user-service"))
        {
            sandbox.Cluster.Store.Update(ResourceTypes.Pods, pod.Namespace, pod.Name, p =>
            {
                PodStatus.SetReady(p, false, Rfc3339.Format(sandbox.Cluster.Now));
                return true;
            });
        }

        await WaitForScrapesAsync(sandbox, real, 15);

        var at = sandbox.Cluster.Now;
        var window = $"{(int)Math.Floor((at - windowStart).TotalSeconds)}s";
        var time = (at.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);
        var alertRule = (string)rule.Node["spec"]!["groups"]![0]!["rules"]![0]!["expr"]!;
        foreach (var (query, tolerance) in GoldenSignals.Select(q => (q, RateTolerance)).Concat(Gauges).Append((alertRule, RateTolerance)))
        {
            var q = query.Replace("[W]", $"[{window}]", StringComparison.Ordinal).Replace("[5m]", $"[{window}]", StringComparison.Ordinal);
            var path = $"api/v1/query?time={time}&query={Uri.EscapeDataString(q)}";
            var expected = VectorResult.Read(await real.GetAsync(path), q);
            using var response = await twin.GetAsync(new Uri(path, UriKind.Relative));
            var actual = VectorResult.Read(JsonNode.Parse(await response.Content.ReadAsStringAsync())!, q);
            var largest = VectorResult.AssertSame(q, expected, actual, tolerance, AbsoluteTolerance(q));
            output.WriteLine($"{largest:P2} largest difference, {expected.Count} series: {q}");
        }

        await stop.CancelAsync();
        await traffic;
        await AssertSameRulesShapeAsync(real, twin);
        Assert.Empty(sandbox.Cluster.Faults);
    }

    // /api/v1/rules from the PrometheusRule (converted to a rules file for the real one): the same fields, rules,
    // durations, labels and annotations. The file path, interval and timings differ by construction.
    private static async Task AssertSameRulesShapeAsync(RealPrometheus real, HttpClient twin)
    {
        var expected = (await real.GetAsync("api/v1/rules"))["data"]!["groups"]![0]!;
        using var response = await twin.GetAsync(new Uri("api/v1/rules", UriKind.Relative));
        var actual = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!["groups"]![0]!;

        Assert.Equal(Keys(expected), Keys(actual));
        Assert.Equal((string?)expected["name"], (string?)actual["name"]);
        var expectedRules = expected["rules"]!.AsArray();
        var actualRules = actual["rules"]!.AsArray();
        Assert.Equal(expectedRules.Count, actualRules.Count);
        for (var i = 0; i < expectedRules.Count; i++)
        {
            Assert.Equal(Keys(expectedRules[i]!), Keys(actualRules[i]!));
            foreach (var field in new[] { "name", "duration", "labels", "annotations", "health", "type" })
            {
                Assert.Equal(expectedRules[i]![field]!.ToJsonString(), actualRules[i]![field]!.ToJsonString());
            }
        }
    }

    private static string Keys(JsonNode node) => string.Join(",", node.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));

    private static async Task WaitForScrapesAsync(SandboxHost sandbox, RealPrometheus real, int count)
    {
        var twinScrapes = ScrapesOf(sandbox);
        var realScrapes = await RealScrapesAsync(real);
        await AsyncWait.UntilAsync(() => ScrapesOf(sandbox) >= twinScrapes + count, $"{count} more twin scrapes");
        await AsyncWait.UntilAsync(async () => await RealScrapesAsync(real) >= realScrapes + count, $"{count} more real scrapes");
    }

    private static async Task DriveTrafficAsync(HttpClient gateway, CancellationToken stop)
    {
        try
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                using var request = (i % 9) switch
                {
                    0 or 4 => new HttpRequestMessage(HttpMethod.Get, "/blog/"),
                    1 or 6 => new HttpRequestMessage(HttpMethod.Get, "/api/users"),
                    2 => new HttpRequestMessage(HttpMethod.Get, "/api/users/1"),
                    3 or 7 => new HttpRequestMessage(HttpMethod.Post, "/api/auth/login"),
                    5 => new HttpRequestMessage(HttpMethod.Get, "/nonexistent-endpoint"),
                    _ => new HttpRequestMessage(HttpMethod.Delete, "/blog/"),
                };
                (await gateway.SendAsync(request, stop)).Dispose();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The measurement is over.
        }
    }

    private static int ScrapesOf(SandboxHost sandbox) =>
        sandbox.PrometheusTwin.Store.Select([new("__name__", DemoConsole.Sandbox.Prometheus.PromQl.MatchOp.Equal, "up")]).Max(s => s.Samples.Count);

    private static async Task<long> RealScrapesAsync(RealPrometheus real)
    {
        var response = await real.GetAsync($"api/v1/query?query={Uri.EscapeDataString("count_over_time(up{job=\"kubelet\"}[1h])")}");
        var result = response["data"]!["result"]!.AsArray();
        return result.Count == 0 ? 0 : long.Parse((string)result[0]!["value"]![1]!, CultureInfo.InvariantCulture);
    }
}
