using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DemoConsole.Benchmarks.Screens;
using DemoConsole.Core.Load;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Observability;
using DemoConsole.Tests.Shared.Web;
using Microsoft.Playwright;

namespace DemoConsole.Benchmarks.Load;

/// <summary>
/// A closed-model burst the way a presenter sends one: the published console started as its own process with its
/// default settings (embedded sandbox, which keeps simulating the platform meanwhile), its gateway set to nginx, a
/// scenario whose part 1 has a <c>load-burst</c> with <c>connections</c>, the request cap raised so the button can
/// send a wrk-sized burst; the presenter's part page and the audience screen open in Chromium, and a run is a click
/// on the button. Each run is a new console process, left to settle with its screens open (under a tenth of a core),
/// so it is the first click in a console a presenter has just opened.
/// Charged CPU: the console process's own and its load worker's (which the console has waited for when the run shows
/// as ended), from the click until then (Chromium's is not).
/// </summary>
internal sealed class ConsoleButton(PublishedConsole cli, IBrowser browser, int connections, TimeSpan duration)
{
    private const string ActionId = "bench-burst";

    /// <summary>Settled: less than this share of a core over one second.</summary>
    private const double QuietShare = 0.1;

    public async Task<(TimeSpan Cpu, string Note)> RunAsync(Uri nginx)
    {
        if (!LoadCaps.IsLoopback(nginx))
        {
            throw new InvalidOperationException($"load from benchmarks only goes to loopback, not {nginx}");
        }

        var scenario = Path.Combine(Directory.CreateTempSubdirectory("console-button-").FullName, "scenario.md");
        await File.WriteAllTextAsync(scenario, Scenario());
        var port = RealPrometheus.FreePort();
        var console = new Uri($"http://127.0.0.1:{port}/");
        using var process = cli.StartConsole(port, new Dictionary<string, string>
        {
            ["DemoConsole__Auth__PresenterKey"] = ConsoleWebFactory.PresenterKey,
            ["DemoConsole__Auth__ViewerToken"] = ConsoleWebFactory.ViewerToken,
            ["DemoConsole__Auth__SignInPerMinute"] = "1000",
            ["DemoConsole__StateFile"] = "",
            ["DemoConsole__ScenarioPath"] = scenario,
            ["DemoConsole__GatewayUrl"] = nginx.GetLeftPart(UriPartial.Authority) + "/",
            // The console's default cap (20,000 requests) would end a closed burst against nginx in a fraction of a second.
            ["DemoConsole__Load__MaxRequests"] = "100000000",
        });
        try
        {
            using var http = new HttpClient { BaseAddress = console };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ConsoleWebFactory.PresenterKey);
            await AsyncWait.UntilAsync(() => Healthy(http), "the console to answer /health", TimeSpan.FromSeconds(60));
            var presenter = await BenchBrowser.PresenterPageAsync(browser, console, "/present/1");
            var audience = await BenchBrowser.AudiencePageAsync(browser, console);
            try
            {
                // A presenter opens the console and its screens before the demo: the click waits until start-up work
                // (JIT, the sandbox's first reconciliations, the screens' first renders) has ended, and what the console
                // then costs with its screens open and nothing sent is reported, to tell it from the cost per request.
                var idle = await SettledAsync(process);

                var before = ProcessCpu.OfProcess(process.Id);
                await presenter.GetByTestId($"run-{ActionId}").ClickAsync();
                await EndedOnScreenAsync(presenter);
                var after = ProcessCpu.OfProcess(process.Id);
                var run = await EndedRunAsync(http);
                var own = after.Own - before.Own;
                var worker = after.EndedChildren - before.EndedChildren;
                return (own + worker, string.Create(CultureInfo.InvariantCulture,
                    $"console reports {run}; CPU {own.TotalSeconds:0.00} s console + {worker.TotalSeconds:0.00} s load worker; idle before the click: {idle:P0} of a core"));
            }
            finally
            {
                await presenter.Context.CloseAsync();
                await audience.Context.CloseAsync();
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(Path.GetDirectoryName(scenario)!, recursive: true);
        }
    }

    private string Scenario() => string.Create(CultureInfo.InvariantCulture, $"""
        # Load button benchmark

        ## Scenario

        ### Part 1: Load

        **Script**: One click sends a closed-model burst to the gateway.

        ```demo-action
        id: {ActionId}
        kind: load-burst
        title: Closed burst
        path: /blog/
        connections: {connections}
        duration: {(int)duration.TotalSeconds}s
        ```
        """);

    private static async Task<bool> Healthy(HttpClient http)
    {
        try
        {
            return (await http.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>
    /// Waits until the presenter's screen shows the button's run as ended, as the presenter sees it. Watching the page
    /// costs the console nothing; asking its API during the run would charge it for work (and first-time JSON code)
    /// that a presenter watching the screen never causes.
    /// </summary>
    private static Task EndedOnScreenAsync(IPage presenter) =>
        presenter.Locator("[data-testid='run-result']:not([data-status='running'])").First
            .WaitForAsync(new LocatorWaitForOptions { Timeout = (float)TimeSpan.FromMinutes(2).TotalMilliseconds });

    /// <summary>The figures the console reports for the ended run.</summary>
    private static async Task<string> EndedRunAsync(HttpClient http)
    {
        var runs = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/runs", UriKind.Relative));
        var run = runs.EnumerateArray().First(r => r.GetProperty("actionId").GetString() == ActionId);
        var result = run.GetProperty("result");
        return string.Create(CultureInfo.InvariantCulture,
            $"{run.GetProperty("status").GetString()}, sent {result.GetProperty("sent").GetInt64()}, {result.GetProperty("achievedRps").GetDouble():0} req/s");
    }

    /// <summary>Samples the console's CPU each second until a second uses less than <see cref="QuietShare"/> of a core; returns that share.</summary>
    internal static async Task<double> SettledAsync(Process process)
    {
        using var second = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var started = Stopwatch.StartNew();
        var last = process.TotalProcessorTime;
        while (await second.WaitForNextTickAsync())
        {
            process.Refresh();
            var share = (process.TotalProcessorTime - last).TotalSeconds;
            last = process.TotalProcessorTime;
            if (share < QuietShare)
            {
                return share;
            }

            if (started.Elapsed > TimeSpan.FromMinutes(1))
            {
                throw new TimeoutException($"the console still used {share:P0} of a core a minute after its screens opened");
            }
        }

        throw new InvalidOperationException("the timer stopped");
    }
}
