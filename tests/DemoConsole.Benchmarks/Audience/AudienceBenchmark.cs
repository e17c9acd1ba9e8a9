using System.Globalization;
using DemoConsole.Benchmarks.Load;
using DemoConsole.Benchmarks.Sandbox;
using DemoConsole.Benchmarks.Screens;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Web;
using k8s;
using k8s.Models;
using Microsoft.Playwright;

namespace DemoConsole.Benchmarks.Audience;

/// <summary>
/// Audience screens at scale, on the published console started cold for each measurement (part 6: live workloads and
/// pods views). Light screens (<c>/watch/light</c>): N lightweight clients read <c>/watch/stream</c>; the console's memory
/// per viewer while idle, then the time from deleting a pod through the Kubernetes API to each viewer receiving a view
/// that shows it; two real Chromium light screens and the presenter's page are measured alongside. For comparison, the
/// Blazor audience screen (<c>/watch</c>): memory per circuit with N Chromium pages. Loopback only.
/// </summary>
internal static class AudienceBenchmark
{
    private const string Namespace = "titanium-prod";
    private const string App = "blog-service";
    private const double GoalMilliseconds = 250;
    private const double GoalBytesPerViewer = 300 * 1024;
    private static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string[] args)
    {
        var viewerCounts = Counts(args, "--viewers", "100,1000");
        var circuitCounts = Counts(args, "--blazor", "");
        var kills = (int)Option(args, "--kills", 10);
        var chromiumScreens = (int)Option(args, "--chromium", 2);
        var timeScale = Option(args, "--time-scale", 0.1);
        var gap = TimeSpan.FromSeconds(Option(args, "--gap", 2));
        var gcdump = ConsoleMemory.FindGcDump(Text(args, "--gcdump"));
        var screenshots = Text(args, "--screenshots") ?? Directory.CreateTempSubdirectory("audience-bench-").FullName;
        var report = new BenchReport();
        Console.WriteLine(Invariant($"audience benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTimeOffset.UtcNow:u}, load average {CpuSample.LoadAverage()}"));
        Console.WriteLine(gcdump is null ? "no dotnet-gcdump found (--gcdump PATH): RSS only" : $"live heap from {gcdump}");

        using var cli = await PublishedConsole.EnsureAsync(Text(args, "--published"));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BenchBrowser.LaunchChromiumAsync(playwright);

        foreach (var circuits in circuitCounts)
        {
            await BlazorCircuitsAsync(cli, browser, circuits, timeScale, gcdump);
        }

        foreach (var viewers in viewerCounts)
        {
            await LightViewersAsync(cli, browser, viewers, chromiumScreens, kills, gap, timeScale, gcdump, screenshots, report);
        }

        report.PrintSummary();
        return report.AllMet ? 0 : 1;
    }

    /// <summary>The Blazor audience screen: memory per open <c>/watch</c> circuit (each a Chromium context).</summary>
    private static async Task BlazorCircuitsAsync(PublishedConsole cli, IBrowser browser, int circuits, double timeScale, string? gcdump)
    {
        BenchReport.Section(Invariant($"Blazor /watch: {circuits} Chromium audience pages (one circuit each), published console started cold, part 6"));
        using var console = await BenchConsole.StartAsync(cli, timeScale);
        await ConsoleButton.SettledAsync(console.Process);
        var before = await ConsoleMemory.ReadAsync(console.Process, gcdump);
        BenchReport.Line($"no screen:            {before.Text}");
        var pages = new List<IPage>();
        for (var i = 0; i < circuits; i++)
        {
            var page = await BenchBrowser.AudiencePageAsync(browser, console.Address);
            await page.WaitForSelectorAsync("[data-testid=view-ha-pods] tr[data-pod]");
            pages.Add(page);
        }

        await ConsoleButton.SettledAsync(console.Process);
        var after = await ConsoleMemory.ReadAsync(console.Process, gcdump);
        BenchReport.Line($"{circuits} circuits:          {after.Text}");
        BenchReport.Line($"per circuit: {PerViewer(before, after, circuits)}");
        foreach (var page in pages)
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task LightViewersAsync(
        PublishedConsole cli, IBrowser browser, int viewers, int chromiumScreens, int kills, TimeSpan gap, double timeScale, string? gcdump, string screenshots, BenchReport report)
    {
        BenchReport.Section(Invariant($"Light /watch/light: {viewers} lightweight viewers (HttpClient, one connection each) + {chromiumScreens} Chromium light screens + the presenter's page, published console started cold, part 6"));
        using var console = await BenchConsole.StartAsync(cli, timeScale);
        var presenter = await BenchBrowser.PresenterPageAsync(browser, console.Address, "/present/6");
        await presenter.WaitForSelectorAsync("[data-testid=view-ha-pods] tr[data-pod]");
        await ScreenProbe.InstallAsync(presenter);
        await ConsoleButton.SettledAsync(console.Process);
        var before = await ConsoleMemory.ReadAsync(console.Process, gcdump);
        BenchReport.Line($"presenter page only:  {before.Text}");

        using var stop = new CancellationTokenSource();
        using var handler = new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = console.Address, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Add("Cookie", await console.ViewerCookieAsync());
        var fleet = Enumerable.Range(0, viewers).Select(i => new SseViewer(keepHtml: i == 0)).ToArray();
        var opening = CpuSample.Take();
        using (var limit = new SemaphoreSlim(50))
        {
            await Task.WhenAll(fleet.Select(async viewer =>
            {
                await limit.WaitAsync();
                try
                {
                    await viewer.OpenAsync(http, stop.Token);
                }
                finally
                {
                    limit.Release();
                }
            }));
        }

        await AsyncWait.UntilAsync(() => fleet.All(v => v.LastVersion > 0), $"all {viewers} viewers to receive the view", CatchUp);
        var opened = CpuSample.Take();
        BenchReport.Line($"{viewers} viewers connected and showing the view after {(opened.At - opening.At).TotalSeconds:0.0} s");
        await ConsoleButton.SettledAsync(console.Process);
        // RSS only here: a heap snapshot suspends the console and collects everything, which showed up as a slow first
        // deletion right after it; the live heap is read once the deletions are over and the console idles again.
        var after = await ConsoleMemory.ReadAsync(console.Process, gcdump: null);
        BenchReport.Line($"{viewers} viewers, idle:   {after.Text}");
        var perViewer = (after.ResidentBytes - before.ResidentBytes) / (double)viewers;
        BenchReport.Line($"per viewer: {PerViewer(before, after, viewers)}");
        var frame = fleet[0].Html().OrderBy(h => h.Key).Last().Value;
        BenchReport.Line($"view size: {System.Text.Encoding.UTF8.GetByteCount(frame) / 1024.0:0.0} KiB of HTML, {new Web.Audience.AudienceFrame(1, frame).Event.Length / 1024.0:0.0} KiB as sent per viewer and version");

        var screens = new List<IPage>();
        for (var i = 0; i < chromiumScreens; i++)
        {
            screens.Add(await LightScreenAsync(browser, console.Address));
        }

        foreach (var screen in screens)
        {
            await AsyncWait.UntilAsync(async () => await screen.EvaluateAsync<string>("() => document.getElementById('audience-light').dataset.version") == $"{fleet[0].LastVersion}",
                "the Chromium light screen to show the viewers' version", CatchUp);
        }

        if (screens.Count > 0)
        {
            await screens[0].SetViewportSizeAsync(1280, 720);
            var picture = Path.Combine(screenshots, Invariant($"light-{viewers}-viewers-1280x720.png"));
            await screens[0].ScreenshotAsync(new() { Path = picture });
            BenchReport.Line($"{screens.Count} Chromium light screens show version {fleet[0].LastVersion}, as the lightweight viewers; screenshot {picture}");
        }

        BenchReport.Section(Invariant($"{kills} deletions of a Ready {App} pod through the Kubernetes API (KubernetesClient), {gap.TotalSeconds:0.#} s apart once every screen caught up"));
        var latencies = new List<double>();
        var within = new List<double>();
        var presenterLatencies = new List<double>();
        var chromiumLatencies = new List<double>();
        var from = CpuSample.Take();
        for (var k = 1; k <= kills; k++)
        {
            var victim = await ReadyPodAsync(console);
            var versionBefore = fleet[0].LastVersion;
            var sent = SseViewer.Now();
            await console.Kube.CoreV1.DeleteNamespacedPodAsync(victim, Namespace);
            long showing = 0;
            await AsyncWait.UntilAsync(() => (showing = FirstShowing(fleet[0], versionBefore, victim)) > 0, $"the view to show {victim} deleted", CatchUp);
            await AsyncWait.UntilAsync(() => fleet.All(v => v.LastVersion >= showing), $"all viewers to receive version {showing}", CatchUp);
            var kill = fleet.Select(v => v.Arrivals().First(a => a.Version >= showing).At - sent).ToList();
            latencies.AddRange(kill);
            within.Add(kill.Count(l => l <= GoalMilliseconds) / (double)kill.Count);
            foreach (var (page, into) in screens.Select(s => (s, chromiumLatencies)).Prepend((presenter, presenterLatencies)))
            {
                await AsyncWait.UntilAsync(async () => Changed(await ScreenProbe.ReadAsync(page), victim, sent) is not null, $"a screen to show {victim} deleted", CatchUp);
                into.Add(Changed(await ScreenProbe.ReadAsync(page), victim, sent)!.Value - sent);
            }

            await AsyncWait.UntilAsync(() => RecoveredAsync(console, victim), $"{App} back to 2 Ready pods", CatchUp);
            BenchReport.Line($"deletion {k}: {victim}; viewers got version {showing}: p50 {Percentiles.Of(kill, 50):0.0}, p95 {Percentiles.Of(kill, 95):0.0}, max {kill.Max():0.0} ms; within {GoalMilliseconds:0} ms {within[^1]:P1}; presenter {presenterLatencies[^1]:0.0} ms");
            await Task.Delay(gap);
        }

        var to = CpuSample.Take();
        BenchReport.Line($"during the deletions: {Cores(from, to)}; load average {CpuSample.LoadAverage()}");
        BenchReport.Section("DELETE sent → screen received / showed the view with the pod gone or terminating (ms)");
        BenchReport.Line($"lightweight viewers ({viewers}): {Summary(latencies)}");
        BenchReport.Line($"Chromium light screens ({screens.Count}, DOM changed): {Summary(chromiumLatencies)}");
        BenchReport.Line($"presenter page (Blazor, DOM changed): {Summary(presenterLatencies)}");

        await ConsoleButton.SettledAsync(console.Process);
        var end = await ConsoleMemory.ReadAsync(console.Process, gcdump);
        BenchReport.Line($"{viewers} viewers, idle after the deletions: {end.Text}; per viewer: {PerViewer(before, end, viewers)}");
        report.Check(Invariant($"{viewers} light viewers: server memory per idle viewer ≤ 300 KB (RSS)"), perViewer <= GoalBytesPerViewer,
            $"{perViewer / 1024:0.0} KiB RSS per viewer before the deletions; after them {PerViewer(before, end, viewers)}");
        var p95 = Percentiles.Of(latencies, 95);
        report.Check(Invariant($"{viewers} light viewers: event reaches 95 % within {GoalMilliseconds:0} ms"), p95 <= GoalMilliseconds,
            $"p50 {Percentiles.Of(latencies, 50):0.0}, p95 {p95:0.0}, p99 {Percentiles.Of(latencies, 99):0.0} ms over {latencies.Count} viewer-events; presenter p95 {Percentiles.Of(presenterLatencies, 95):0.0} ms");

        await stop.CancelAsync();
        foreach (var page in screens.Append(presenter))
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>The first version after <paramref name="after"/> whose pods table shows <paramref name="victim"/> not Running (or gone).</summary>
    private static long FirstShowing(SseViewer keeper, long after, string victim) =>
        keeper.Html().Where(h => h.Key > after).OrderBy(h => h.Key)
            .FirstOrDefault(h => !FramePods.Of(h.Value).TryGetValue(victim, out var status) || status != "Running").Key;

    /// <summary>When a browser screen first showed the pod as anything but Running, after the DELETE was sent.</summary>
    private static double? Changed(IReadOnlyList<ScreenChange> log, string victim, double sent) =>
        log.FirstOrDefault(c => c.Pod == victim && c.T >= sent && (c.State is null || !c.State.StartsWith("Running|", StringComparison.Ordinal)))?.T;

    private static async Task<string> ReadyPodAsync(BenchConsole console) =>
        (await BlogPodsAsync(console)).Where(IsReady).OrderBy(p => p.Metadata.CreationTimestamp).First().Metadata.Name;

    private static async Task<bool> RecoveredAsync(BenchConsole console, string victim)
    {
        var pods = await BlogPodsAsync(console);
        return pods.All(p => p.Metadata.Name != victim) && pods.Count == 2 && pods.All(IsReady);
    }

    private static async Task<IList<V1Pod>> BlogPodsAsync(BenchConsole console) =>
        (await console.Kube.CoreV1.ListNamespacedPodAsync(Namespace, labelSelector: $"app={App}")).Items;

    private static bool IsReady(V1Pod pod) => Core.Cluster.PodViews.From(pod).IsRunningAndReady;

    private static async Task<IPage> LightScreenAsync(IBrowser browser, Uri console)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = console.ToString() });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync($"/auth/watch?t={ConsoleWebFactory.ViewerToken}&view=light");
        await page.WaitForSelectorAsync("[data-testid=view-ha-pods] tr[data-pod]");
        await ScreenProbe.InstallAsync(page);
        return page;
    }

    private static string PerViewer(MemoryReading before, MemoryReading after, int viewers)
    {
        var rss = (after.ResidentBytes - before.ResidentBytes) / (double)viewers / 1024;
        return after.LiveHeapBytes is { } heap && before.LiveHeapBytes is { } baseHeap
            ? Invariant($"RSS +{rss:0.0} KiB, live GC heap +{(heap - baseHeap) / (double)viewers / 1024:0.0} KiB")
            : Invariant($"RSS +{rss:0.0} KiB");
    }

    private static string Summary(List<double> values) => Invariant(
        $"p50 {Percentiles.Of(values, 50):0.0}, p95 {Percentiles.Of(values, 95):0.0}, p99 {Percentiles.Of(values, 99):0.0}, max {values.DefaultIfEmpty(double.NaN).Max():0.0} ms (n={values.Count})");

    private static string Cores(CpuSample a, CpuSample b)
    {
        var (machine, self, children, cores) = CpuSample.Between(a, b);
        return Invariant($"CPU busy {machine:0.00} of {cores} cores (benchmark {self:0.00}, console + Chromium {children:0.00}, others {Math.Max(0, machine - self - children):0.00})");
    }

    private static int[] Counts(string[] args, string name, string fallback) =>
        (Text(args, name) ?? fallback).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    private static double Option(string[] args, string name, double fallback) =>
        Text(args, name) is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
