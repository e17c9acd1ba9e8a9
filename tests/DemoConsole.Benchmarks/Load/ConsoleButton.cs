using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using DemoConsole.Benchmarks.Screens;
using DemoConsole.Core.Load;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Web;
using Microsoft.Playwright;

namespace DemoConsole.Benchmarks.Load;

/// <summary>
/// A closed-model burst the way a presenter sends one: the published console started as its own process with its
/// default settings (embedded sandbox, which keeps simulating the platform meanwhile), its gateway set to nginx, a
/// scenario whose part 1 has a <c>load-burst</c> with <c>connections</c>, the request cap raised so the button can
/// send a wrk-sized burst; the presenter's part page and the audience screen open in Chromium, and a run is a click
/// on the button. Each run is a new console process, left to settle for 15 s with its screens open, so it is the first
/// click in a console a presenter has just opened.
/// Charged CPU: the console process's own, from the click until the run shows as ended (Chromium's is not).
/// </summary>
internal sealed class ConsoleButton(PublishedConsole cli, IBrowser browser, int connections, TimeSpan duration)
{
    private const string ActionId = "bench-burst";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(15);

    public async Task<(TimeSpan Cpu, string Note)> RunAsync(Uri nginx)
    {
        if (!LoadCaps.IsLoopback(nginx))
        {
            throw new InvalidOperationException($"load from benchmarks only goes to loopback, not {nginx}");
        }

        var scenario = Path.Combine(Directory.CreateTempSubdirectory("console-button-").FullName, "scenario.md");
        await File.WriteAllTextAsync(scenario, Scenario());
        var port = FreePort();
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
                // A presenter opens the console and its screens before the demo: let start-up work (JIT, the sandbox's
                // first reconciliations, the screens' first renders) end, then measure what the console costs with its
                // screens open and nothing sent, to tell it from the cost per request.
                await Task.Delay(Settle);
                process.Refresh();
                var idleStart = process.TotalProcessorTime;
                await Task.Delay(duration);
                process.Refresh();
                var idle = process.TotalProcessorTime - idleStart;

                var before = process.TotalProcessorTime;
                await presenter.GetByTestId($"run-{ActionId}").ClickAsync();
                var run = await EndedRunAsync(http);
                process.Refresh();
                var cpu = process.TotalProcessorTime - before;
                return (cpu, string.Create(CultureInfo.InvariantCulture, $"console reports {run}; idle before the click: {idle / duration:P0} of a core"));
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

    /// <summary>Waits for the button's run to end and returns the figures the console shows for it.</summary>
    private static async Task<string> EndedRunAsync(HttpClient http)
    {
        string? ended = null;
        await AsyncWait.UntilAsync(async () =>
        {
            var runs = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/runs", UriKind.Relative));
            var run = runs.EnumerateArray().FirstOrDefault(r => r.GetProperty("actionId").GetString() == ActionId);
            if (run.ValueKind == JsonValueKind.Undefined || run.GetProperty("status").GetString() == "running")
            {
                return false;
            }

            var result = run.GetProperty("result");
            ended = string.Create(CultureInfo.InvariantCulture,
                $"{run.GetProperty("status").GetString()}, sent {result.GetProperty("sent").GetInt64()}, {result.GetProperty("achievedRps").GetDouble():0} req/s");
            return true;
        }, "the button's run to end", TimeSpan.FromMinutes(2));
        return ended!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
