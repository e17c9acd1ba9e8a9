using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DemoConsole.Benchmarks.Load;
using DemoConsole.Benchmarks.Sandbox;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Web;
using DemoConsole.Web.Api;
using DemoConsole.Web.Hosting;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DemoConsole.Benchmarks.Screens;

/// <summary>
/// Time from a pod event in the Kubernetes API to the presenter and audience screens showing it. The real console
/// (Kestrel, embedded sandbox, by default at time scale 0.1) serves part 6 with its live pods view to one presenter page and N
/// audience pages (one Chromium, one context each); blog-service pods are deleted through the API with KubernetesClient
/// and every page logs, in the browser, when its table changed. Reference: a bare KubernetesClient watcher here.
/// </summary>
internal static class ScreensBenchmark
{
    private const string Namespace = "titanium-prod";
    private const string App = "blog-service";
    private const double GoalMilliseconds = 250;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string[] args)
    {
        var screens = Option(args, "--screens", 20);
        var kills = Option(args, "--kills", 10);
        var gap = TimeSpan.FromSeconds(Option(args, "--gap", 2));
        // 0.1: the sandbox's pods go through their states ten times faster than a cluster's, so a kill takes ~1.5 s.
        var timeScale = Option(args, "--time-scale", 0.1);
        var report = new BenchReport();
        Console.WriteLine(Invariant($"screens benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTimeOffset.UtcNow:u}, load average {CpuSample.LoadAverage()}"));

        // WebApplicationFactory looks for its content-root manifest in the current folder, which under `dotnet run` is
        // the repository, not the build output as under a test runner; its documented setting names the folder instead.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_DEMOCONSOLE", Path.Combine(RepoPaths.RepoRoot, "src", "DemoConsole.Web"));
        // Every screen here comes from one loopback address (an audience's come from one each): past the sign-in limit.
        await using var factory = new ConsoleWebFactory().With("DemoConsole:Cluster:SandboxTimeScale", timeScale.ToString(CultureInfo.InvariantCulture))
            .With("DemoConsole:Auth:SignInPerMinute", "1000");
        var console = factory.StartKestrel();
        using var http = new HttpClient { BaseAddress = console };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ConsoleWebFactory.PresenterKey);
        var sandbox = await http.GetFromJsonAsync<SandboxDto>("/api/sandbox") ?? throw new InvalidOperationException("no sandbox");
        if (!console.IsLoopback || !sandbox.KubernetesApi.IsLoopback)
        {
            throw new InvalidOperationException($"refusing to measure anything but loopback: {console}, {sandbox.KubernetesApi}");
        }

        (await http.PostAsync(new Uri("/api/session/part/6", UriKind.Relative), null)).EnsureSuccessStatusCode();
        Console.WriteLine(Invariant($"console {console}, Kubernetes API {sandbox.KubernetesApi} (sandbox, time scale {timeScale}), session at part 6"));

        using var kube = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(sandbox.Kubeconfig));
        var store = factory.Services.GetRequiredService<EmbeddedSandbox>().Host!.Cluster.Store;
        await using var api = await ApiEvents.StartAsync(store, kube, Namespace);
        await using var server = new ServerViewLog(factory.Services.GetRequiredService<Core.Cluster.IClusterViews>(), Namespace);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BenchBrowser.LaunchChromiumAsync(playwright);
        BenchReport.Section(Invariant($"Opening 1 presenter page (/present/6) and {screens} audience pages (/watch), one Chromium, one context each"));
        var opening = CpuSample.Take();
        var presenter = await PresenterPageAsync(browser, console);
        var audience = new IPage[screens];
        using (var limit = new SemaphoreSlim(3))
        {
            await Task.WhenAll(Enumerable.Range(0, screens).Select(async i =>
            {
                await limit.WaitAsync();
                try
                {
                    audience[i] = await AudiencePageAsync(browser, console);
                }
                finally
                {
                    limit.Release();
                }
            }));
        }

        var pages = audience.Select(p => (Page: p, Presenter: false)).Prepend((Page: presenter, Presenter: true)).ToList();
        foreach (var (page, _) in pages)
        {
            await ScreenProbe.InstallAsync(page);
        }

        var opened = CpuSample.Take();
        BenchReport.Line($"{pages.Count} pages showing the pods table after {(opened.At - opening.At).TotalSeconds:0.0} s; {Cores(opening, opened)}");

        await ClockOffsetAsync(presenter, "presenter page");
        await ClockOffsetAsync(audience[0], "audience page 1");

        BenchReport.Section("Idle: all pages open, nothing changing (5 s)");
        var idleFrom = CpuSample.Take();
        await Task.Delay(TimeSpan.FromSeconds(5));
        var idleTo = CpuSample.Take();
        BenchReport.Line($"{Cores(idleFrom, idleTo)}; load average {CpuSample.LoadAverage()}");

        BenchReport.Section(Invariant($"{kills} kills of a {App} pod through the API (DELETE with KubernetesClient), {gap.TotalSeconds:0.#} s apart after every screen caught up"));
        var from = CpuSample.Take();
        var firstKill = ApiEvents.Now();
        var deleteCalls = new List<double>();
        var settleTimeouts = 0;
        for (var k = 1; k <= kills; k++)
        {
            var victim = api.Pods().Where(p => p.Metadata.Labels?.TryGetValue("app", out var app) == true && app == App && Core.Cluster.PodViews.From(p).IsRunningAndReady)
                .OrderBy(p => p.Metadata.CreationTimestamp).First().Metadata.Name;
            var sent = ApiEvents.Now();
            await kube.CoreV1.DeleteNamespacedPodAsync(victim, Namespace);
            deleteCalls.Add(ApiEvents.Now() - sent);
            await AsyncWait.UntilAsync(() => Recovered(api, victim), $"{App} back to 2 Ready pods after deleting {victim}", Settle);
            var recovered = ApiEvents.Now() - sent;
            var expected = api.Pods().ToDictionary(p => p.Metadata.Name, ApiEvents.StateOf, StringComparer.Ordinal);
            var caughtUp = await Task.WhenAll(pages.Select(async p =>
            {
                try
                {
                    await ScreenProbe.WaitForAsync(p.Page, expected, Settle);
                    return true;
                }
                catch (TimeoutException)
                {
                    return false;
                }
            }));
            settleTimeouts += caughtUp.Count(c => !c);
            BenchReport.Line($"kill {k}: {victim}, 2 Ready again {recovered / 1000:0.00} s after the DELETE; screens caught up {caughtUp.Count(c => c)}/{pages.Count}");
            await Task.Delay(gap);
        }

        var to = CpuSample.Take();
        BenchReport.Line($"during the kills: {Cores(from, to)}; load average {CpuSample.LoadAverage()}");
        BenchReport.Line($"DELETE call: {Percentiles.Summary(deleteCalls)}");

        var visible = VisibleEvents.From(api.Initial, api.Received(), api.PublishedAt, firstKill, out var unmatched);
        var latencies = new List<(bool Presenter, ScreenLatency Latency)>();
        var missing = (Presenter: 0, Audience: 0);
        foreach (var (page, isPresenter) in pages)
        {
            var log = await ScreenProbe.ReadAsync(page);
            latencies.AddRange(VisibleEvents.OnScreen(visible, log, out var lost).Select(l => (isPresenter, l)));
            missing = isPresenter ? (missing.Presenter + lost, missing.Audience) : (missing.Presenter, missing.Audience + lost);
        }

        BenchReport.Section("Event in the API → screen shows it (DOM changed, measured in the page; ms)");
        var kinds = string.Join(", ", visible.GroupBy(e => e.Kind).Select(g => Invariant($"{g.Count()} {g.Key}")));
        BenchReport.Line($"{visible.Count} visible pod events ({kinds}); {unmatched} watcher events without a store publish time");
        BenchReport.Line($"store events stamped in the publish {api.Stamps.AtPublish}, found queued and stamped when read {api.Stamps.WhenRead}");
        var reference = visible.Select(e => e.ClientAt - e.PublishedAt).ToList();
        var onPresenter = latencies.Where(l => l.Presenter).Select(l => l.Latency).ToList();
        var onAudience = latencies.Where(l => !l.Presenter).Select(l => l.Latency).ToList();
        BenchReport.Line($"reference, bare KubernetesClient watcher in this process: {Summary(reference)}");
        var onServer = VisibleEvents.OnScreen(visible, server.Log(), out var serverMissing).Select(l => l.Milliseconds).ToList();
        BenchReport.Line($"console's pods snapshot (server side, before rendering): {Summary(onServer)}, missing {serverMissing}");
        BenchReport.Line($"presenter screen:            {Summary(onPresenter.Select(l => l.Milliseconds).ToList())}, missing {missing.Presenter}");
        BenchReport.Line($"audience screens ({screens}):       {Summary(onAudience.Select(l => l.Milliseconds).ToList())}, missing {missing.Audience}");
        BenchReport.Line($"audience, next frame painted: {Summary(onAudience.Where(l => l.PaintedMilliseconds is not null).Select(l => l.PaintedMilliseconds!.Value).ToList())}");
        foreach (var kind in visible.Select(e => e.Kind).Distinct())
        {
            BenchReport.Line($"audience, {kind}: {Summary(onAudience.Where(l => l.Event.Kind == kind).Select(l => l.Milliseconds).ToList())}");
        }

        BenchReport.Line($"shown only through a later state (coalesced by the 100 ms render interval): presenter {onPresenter.Count(l => l.Superseded)}/{onPresenter.Count}, audience {onAudience.Count(l => l.Superseded)}/{onAudience.Count}");
        var negative = latencies.Count(l => l.Latency.Milliseconds < 0);
        BenchReport.Line($"screen times before the API time (clock problem if not 0): {negative}; settle timeouts: {settleTimeouts}");
        foreach (var (_, early) in latencies.Where(l => l.Latency.Milliseconds < 0).Take(5))
        {
            BenchReport.Line($"  early: {early.Event.Pod} {early.Event.Kind} {early.Event.State ?? "(gone)"} by {early.Milliseconds:0.0} ms (watcher − API {early.Event.ClientAt - early.Event.PublishedAt:0.0} ms)");
        }

        var presenterP95 = Percentiles.Of(onPresenter.Select(l => l.Milliseconds).ToList(), 95);
        var audienceP95 = Percentiles.Of(onAudience.Select(l => l.Milliseconds).ToList(), 95);
        var referenceP95 = Percentiles.Of(reference, 95);
        report.Check("presenter screen p95 < 250 ms", presenterP95 < GoalMilliseconds && missing.Presenter == 0,
            $"{presenterP95:0.0} ms (reference watcher p95 {referenceP95:0.0} ms, missing {missing.Presenter})");
        report.Check(Invariant($"audience screens ({screens}) p95 < 250 ms"), audienceP95 < GoalMilliseconds && missing.Audience == 0,
            $"{audienceP95:0.0} ms over {onAudience.Count} screen-events (reference watcher p95 {referenceP95:0.0} ms, missing {missing.Audience})");
        report.PrintSummary();
        return report.AllMet ? 0 : 1;
    }

    private static bool Recovered(ApiEvents api, string victim)
    {
        var pods = api.Pods();
        var blog = pods.Where(p => p.Metadata.Labels?.TryGetValue("app", out var app) == true && app == App).ToList();
        return pods.All(p => p.Metadata.Name != victim) && blog.Count == 2 && blog.All(p => Core.Cluster.PodViews.From(p).IsRunningAndReady);
    }

    private static string Summary(List<double> values) => Invariant(
        $"p50 {Percentiles.Of(values, 50):0.0}, p95 {Percentiles.Of(values, 95):0.0}, max {values.DefaultIfEmpty(double.NaN).Max():0.0} ms (n={values.Count})");

    private static string Cores(CpuSample a, CpuSample b)
    {
        var (machine, self, children, cores) = CpuSample.Between(a, b);
        return Invariant($"CPU busy {machine:0.00} of {cores} cores (console + sandbox + benchmark {self:0.00}, Chromium {children:0.00}, others {Math.Max(0, machine - self - children):0.00})");
    }

    /// <summary>Browser clock minus this process's clock, from the round trip with the smallest delay.</summary>
    private static async Task ClockOffsetAsync(IPage page, string name)
    {
        var best = (Rtt: double.MaxValue, Offset: 0.0);
        for (var i = 0; i < 10; i++)
        {
            var before = ApiEvents.Now();
            var inPage = await ScreenProbe.NowAsync(page);
            var after = ApiEvents.Now();
            if (after - before < best.Rtt)
            {
                best = (after - before, inPage - ((before + after) / 2));
            }
        }

        BenchReport.Line($"clock check, {name}: browser − server {best.Offset:+0.00;-0.00} ms ± {best.Rtt / 2:0.00} ms (best of 10 round trips)");
    }

    private static async Task<IPage> PresenterPageAsync(IBrowser browser, Uri console)
    {
        var page = await BenchBrowser.PresenterPageAsync(browser, console, "/present/6");
        await ShowsPodsAsync(page);
        return page;
    }

    private static async Task<IPage> AudiencePageAsync(IBrowser browser, Uri console)
    {
        var page = await BenchBrowser.AudiencePageAsync(browser, console);
        await ShowsPodsAsync(page);
        return page;
    }

    /// <summary>The live pods table filled from the cluster.</summary>
    private static async Task ShowsPodsAsync(IPage page) => await page.WaitForSelectorAsync("[data-testid=view-ha-pods] tr[data-pod]");

    private static int Option(string[] args, string name, int fallback) => (int)Option(args, name, (double)fallback);

    private static double Option(string[] args, string name, double fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
