using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using DemoConsole.Benchmarks.Load;
using DemoConsole.Benchmarks.Sandbox;
using DemoConsole.Benchmarks.Screens;
using DemoConsole.Core.Observability;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Web;
using DemoConsole.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DemoConsole.Benchmarks.Observability;

/// <summary>
/// The metrics views in a running console (Kestrel, embedded sandbox at real time, its Prometheus twin behind a counting
/// proxy, 5 s refresh, real Chromium pages): (1) queries per minute reaching Prometheus with one presenter screen and with
/// 20 audience screens more; (2) from the first request of a 5xx burst to the errors tile turning red on an audience screen.
/// The 5xx are real gateway answers: the user service is scaled to zero with kubectl and the burst asks it for /api/users.
/// </summary>
internal static class ObservabilityBenchmark
{
    private const string Namespace = "titanium-prod";

    public static async Task<int> RunAsync(string[] args)
    {
        var screens = Option(args, "--screens", 20);
        var trials = Option(args, "--trials", 8);
        var seconds = Option(args, "--seconds", 60);
        Console.WriteLine(Invariant($"observability benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTimeOffset.UtcNow:u}, load average {CpuSample.LoadAverage()}"));

        // As in the screens benchmark: WebApplicationFactory's content root under `dotnet run`.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_DEMOCONSOLE", Path.Combine(RepoPaths.RepoRoot, "src", "DemoConsole.Web"));
        await using var proxy = await CountingProxy.StartAsync();
        await using var factory = new ConsoleWebFactory()
            // Every screen here comes from one loopback address; an audience's screens come from one each.
            .With("DemoConsole:Auth:SignInPerMinute", "1000")
            .With("DemoConsole:Prometheus:Url", proxy.Address.ToString())
            .With("DemoConsole:Alertmanager:Url", proxy.Address.ToString());
        var console = factory.StartKestrel();
        var sandbox = factory.Services.GetRequiredService<EmbeddedSandbox>().Host!;
        proxy.Target = sandbox.Prometheus;
        if (!console.IsLoopback || !sandbox.Gateway.IsLoopback)
        {
            throw new InvalidOperationException($"refusing to measure anything but loopback: {console}, {sandbox.Gateway}");
        }

        Console.WriteLine(Invariant($"console {console}, sandbox gateway {sandbox.Gateway}, Prometheus twin {sandbox.Prometheus} behind {proxy.Address}"));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BenchBrowser.LaunchChromiumAsync(playwright);
        // Steady background traffic, as the load generator of the runbook makes (faster, so rates settle quickly).
        await using var background = GatewayTraffic.Start(sandbox.Gateway, ["/blog/"], TimeSpan.FromMilliseconds(200));

        if (!args.Contains("--only-errors"))
        {
            foreach (var part in new[] { 3, 5 })
            {
                await QueryLoadAsync(browser, console, proxy, part, screens, TimeSpan.FromSeconds(seconds));
            }
        }

        await ErrorTileAsync(browser, console, sandbox.Gateway, sandbox.Prometheus, sandbox.KubeconfigPath, trials);
        return 0;
    }

    private static async Task QueryLoadAsync(IBrowser browser, Uri console, CountingProxy proxy, int part, int screens, TimeSpan span)
    {
        BenchReport.Section(Invariant($"Part {part}: requests reaching Prometheus/Alertmanager per {span.TotalSeconds:0} s, counted at the proxy"));
        await GoToPartAsync(console, part);
        await CountAsync(proxy, span, "no screen open");
        var presenter = await BenchBrowser.PresenterPageAsync(browser, console, $"/present/{part}");
        await CountAsync(proxy, span, "1 presenter screen");
        var audience = new List<IPage>();
        for (var i = 0; i < screens; i++)
        {
            audience.Add(await BenchBrowser.AudiencePageAsync(browser, console));
        }

        await CountAsync(proxy, span, Invariant($"1 presenter + {screens} audience screens"));
        foreach (var page in audience.Append(presenter))
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task CountAsync(CountingProxy proxy, TimeSpan span, string what)
    {
        // A first round of a newly watched feed happens at once; the count starts after it.
        await Task.Delay(TimeSpan.FromSeconds(6));
        proxy.TakeCounts();
        await Task.Delay(span);
        var counts = proxy.TakeCounts();
        var byPath = string.Join(", ", counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => Invariant($"{kv.Key} {kv.Value}")));
        BenchReport.Line($"{what}: {counts.Values.Sum()} requests ({(byPath.Length == 0 ? "none" : byPath)}); load average {CpuSample.LoadAverage()}");
    }

    private static async Task ErrorTileAsync(IBrowser browser, Uri console, Uri gateway, Uri twin, string kubeconfig, int trials)
    {
        BenchReport.Section(Invariant($"5xx burst → errors tile red (danger) on an audience screen, part 5, 5 s refresh, {trials} trials after a warm-up"));
        await GoToPartAsync(console, 5);
        var audience = await BenchBrowser.AudiencePageAsync(browser, console);
        const string tile = "document.querySelector('[data-testid=panel-golden-signals-errors] [data-testid=tile-errors]')";
        await audience.WaitForFunctionAsync($"() => {tile}?.dataset.level === 'normal'", null, new() { Timeout = 180_000 });

        await KubectlCommand.RunAsync(kubeconfig, "scale", "deployment", "prod-user-service-deployment", "-n", Namespace, "--replicas=0");
        await AsyncWait.UntilAsync(async () => (await KubectlCommand.RunAsync(kubeconfig, "get", "pods", "-n", Namespace, "-l", "app=user-service", "-o", "name")).Trim().Length == 0,
            "the user service's pods to be gone", TimeSpan.FromMinutes(3));
        BenchReport.Line($"user service scaled to 0 (kubectl); a burst is GET /api/users every 100 ms, answered 503 by the gateway");

        var query = MetricQueries.Render(MetricQueries.Defaults[MetricQueries.Errors5xxPercent], Namespace, TimeSpan.FromMinutes(1));
        using var prometheus = new HttpClient { BaseAddress = twin };
        var toPrometheus = new List<double>();
        var toScreen = new List<double>();
        for (var trial = 0; trial <= trials; trial++)
        {
            // A trial would otherwise start right after the poll that saw the tile turn normal, always at the same phase
            // of the 5 s refresh and scrape cycles: a random wait of up to two cycles samples every phase.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 10_000)));
            var started = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            double? inPrometheus = null;
            int errors;
            await using (var burst = GatewayTraffic.Start(gateway, ["/api/users"], TimeSpan.FromMilliseconds(100)))
            {
                using var stop = new CancellationTokenSource();
                var watch = Task.Run(async () =>
                {
                    while (!stop.IsCancellationRequested && inPrometheus is null)
                    {
                        if (await FivexxPercentAsync(prometheus, query) > 1)
                        {
                            inPrometheus = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - started;
                        }

                        await Task.Delay(100);
                    }
                });
                var red = await audience.WaitForFunctionAsync($"() => {tile}?.dataset.level === 'danger' ? Date.now() : null", null,
                    new() { PollingInterval = 50, Timeout = 180_000 });
                var onScreen = await red.JsonValueAsync<double>() - started;
                await stop.CancelAsync();
                await watch;
                errors = burst.Count(503);
                BenchReport.Line($"{(trial == 0 ? "warm-up" : Invariant($"trial {trial}"))}: Prometheus (twin) above 1 % after {inPrometheus / 1000:0.0} s, tile red after {onScreen / 1000:0.0} s ({errors} × 503 sent); load average {CpuSample.LoadAverage()}");
                if (trial > 0)
                {
                    toPrometheus.Add(inPrometheus ?? double.NaN);
                    toScreen.Add(onScreen);
                }
            }

            var calm = DateTimeOffset.UtcNow;
            await audience.WaitForFunctionAsync($"() => {tile}?.dataset.level === 'normal'", null, new() { PollingInterval = 200, Timeout = 300_000 });
            BenchReport.Line($"  back to normal {(DateTimeOffset.UtcNow - calm).TotalSeconds:0.0} s after the burst stopped");
        }

        BenchReport.Line($"first request → twin's query above 1 %: {Summary(toPrometheus)}");
        BenchReport.Line($"first request → audience tile red:      {Summary(toScreen)}");
        BenchReport.Line($"twin above 1 % → tile red (console poll + render): {Summary(toScreen.Zip(toPrometheus, (s, p) => s - p).ToList())}");
        await KubectlCommand.RunAsync(kubeconfig, "scale", "deployment", "prod-user-service-deployment", "-n", Namespace, "--replicas=2");
    }

    private static async Task<double> FivexxPercentAsync(HttpClient prometheus, string query)
    {
        var body = JsonNode.Parse(await prometheus.GetStringAsync(new Uri("api/v1/query?query=" + Uri.EscapeDataString(query), UriKind.Relative)))!;
        var result = body["data"]!["result"]!.AsArray();
        return result.Count == 0 ? 0 : double.Parse((string)result[0]!["value"]![1]!, CultureInfo.InvariantCulture);
    }

    private static async Task GoToPartAsync(Uri console, int part)
    {
        using var http = new HttpClient { BaseAddress = console };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ConsoleWebFactory.PresenterKey);
        (await http.PostAsync(new Uri($"/api/session/part/{part}", UriKind.Relative), null)).EnsureSuccessStatusCode();
    }

    private static string Summary(List<double> milliseconds) => Invariant(
        $"p50 {Percentiles.Of(milliseconds, 50) / 1000:0.0} s, p95 {Percentiles.Of(milliseconds, 95) / 1000:0.0} s, min {milliseconds.DefaultIfEmpty(double.NaN).Min() / 1000:0.0} s, max {milliseconds.DefaultIfEmpty(double.NaN).Max() / 1000:0.0} s (n={milliseconds.Count})");

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
