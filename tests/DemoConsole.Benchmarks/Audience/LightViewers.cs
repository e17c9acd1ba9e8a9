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
/// Light audience screens (<c>/watch/light</c>) on one published console, or on several replicas sharing a real Redis
/// (the first with the embedded sandbox, the others using it as their cluster): N lightweight clients read
/// <c>/watch/stream</c>, spread evenly over the replicas; each replica's memory per viewer while idle, then the time
/// from deleting a pod through the Kubernetes API to each viewer receiving a view that shows it. Real Chromium light
/// screens (one per replica first) and the presenter's page (on the first replica) are measured alongside.
/// </summary>
internal sealed class LightViewers(PublishedConsole cli, IBrowser browser, double timeScale, string? gcdump, string screenshots, BenchReport report)
{
    private const string Namespace = "titanium-prod";
    private const string App = "blog-service";
    private const double GoalMilliseconds = 250;
    private const double GoalBytesPerViewer = 300 * 1024;
    private const int GoalViewers = 1000;
    private static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(60);

    public async Task RunAsync(int viewers, int replicas, int chromiumScreens, int kills, TimeSpan gap)
    {
        var where = replicas == 1 ? "published console started cold" : $"{replicas} published replicas on one real Redis, started cold";
        BenchReport.Section(Invariant($"Light /watch/light: {viewers} lightweight viewers (HttpClient, one connection each) + {chromiumScreens} Chromium light screens + the presenter's page, {where}, part 6"));
        await using var redis = replicas > 1 ? await RealRedis.StartAsync() : null;
        var consoles = new List<BenchConsole>();
        var groups = new List<ViewerGroup>();
        using var stop = new CancellationTokenSource();
        try
        {
            consoles.Add(await BenchConsole.StartAsync(cli, timeScale, redis?.ReplicaSettings()));
            for (var i = 1; i < replicas; i++)
            {
                consoles.Add(await BenchConsole.StartReplicaAsync(cli, timeScale, redis!.ReplicaSettings(), consoles[0]));
            }

            var presenter = await BenchBrowser.PresenterPageAsync(browser, consoles[0].Address, "/present/6");
            await presenter.WaitForSelectorAsync("[data-testid=view-ha-pods] tr[data-pod]");
            await ScreenProbe.InstallAsync(presenter);
            var before = await ReadMemoryAsync(consoles, gcdump: null, "presenter page only (on the first)");

            groups.AddRange(consoles.Select((c, i) => new ViewerGroup(c, viewers / replicas + (i < viewers % replicas ? 1 : 0))));
            var opening = CpuSample.Take();
            await Task.WhenAll(groups.Select(g => g.OpenAsync(stop.Token)));
            await AsyncWait.UntilAsync(() => groups.All(g => g.AllShowing), $"all {viewers} viewers to receive the view", CatchUp);
            BenchReport.Line($"{viewers} viewers connected and showing the view after {(CpuSample.Take().At - opening.At).TotalSeconds:0.0} s");
            var idle = await ReadMemoryAsync(consoles, gcdump: null, $"{viewers} viewers, idle");
            var perViewer = PerViewerBytes(before, idle, groups);
            BenchReport.Line($"per viewer: {PerViewer(before, idle, groups)}");
            var frame = groups[0].Keeper.Html().OrderBy(h => h.Key).Last().Value;
            BenchReport.Line($"view size: {System.Text.Encoding.UTF8.GetByteCount(frame) / 1024.0:0.0} KiB of HTML, {new Web.Audience.AudienceFrame(1, frame).Event.Length / 1024.0:0.0} KiB as sent per viewer and version");

            var screens = new List<IPage>();
            for (var i = 0; i < chromiumScreens; i++)
            {
                screens.Add(await LightScreenAsync(groups[i % groups.Count]));
            }

            await ScreenshotAsync(screens, viewers, replicas);
            var latencies = await DeleteAsync(consoles[0], groups, presenter, screens, kills, gap);

            var end = await ReadMemoryAsync(consoles, gcdump, $"{viewers} viewers, idle after the deletions");
            BenchReport.Line($"per viewer after the deletions: {PerViewer(before, end, groups)}");
            var label = replicas == 1 ? $"{viewers} light viewers" : $"{viewers} light viewers on {replicas} replicas";
            // The goal is set for a thousand viewers. With fewer, the few MiB a console's resident memory moves by itself
            // between two readings outweighs the viewers' share (measured: 83-300 KiB "per viewer" with 50-100), so
            // the figure is printed above but not held against the goal.
            if (viewers >= GoalViewers)
            {
                report.Check(Invariant($"{label}: server memory per idle viewer ≤ 300 KB (RSS)"), perViewer <= GoalBytesPerViewer,
                    $"{perViewer / 1024:0.0} KiB RSS per viewer before the deletions; after them {PerViewer(before, end, groups)}");
            }

            var p95 = Percentiles.Of(latencies.Viewers, 95);
            report.Check(Invariant($"{label}: event reaches 95 % within {GoalMilliseconds:0} ms"), p95 <= GoalMilliseconds,
                $"p50 {Percentiles.Of(latencies.Viewers, 50):0.0}, p95 {p95:0.0}, p99 {Percentiles.Of(latencies.Viewers, 99):0.0} ms over {latencies.Viewers.Count} viewer-events; presenter p95 {Percentiles.Of(latencies.Presenter, 95):0.0} ms");

            await stop.CancelAsync();
            foreach (var page in screens.Append(presenter))
            {
                await page.Context.CloseAsync();
            }
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var group in groups)
            {
                group.Dispose();
            }

            // Followers first: the first replica's sandbox is their cluster.
            foreach (var console in Enumerable.Reverse(consoles))
            {
                console.Dispose();
            }
        }
    }

    private sealed record Latencies(List<double> Viewers, List<double> Presenter, List<double> Chromium);

    /// <summary>Deletes a Ready pod <paramref name="kills"/> times, each once every screen caught up with the last one, and times each screen.</summary>
    private async Task<Latencies> DeleteAsync(BenchConsole cluster, List<ViewerGroup> groups, IPage presenter, List<IPage> screens, int kills, TimeSpan gap)
    {
        BenchReport.Section(Invariant($"{kills} deletions of a Ready {App} pod through the Kubernetes API (KubernetesClient), {gap.TotalSeconds:0.#} s apart once every screen caught up"));
        var result = new Latencies([], [], []);
        var perReplica = groups.Select(_ => new List<double>()).ToList();
        var from = CpuSample.Take();
        for (var k = 1; k <= kills; k++)
        {
            var victim = await ReadyPodAsync(cluster.Kube);
            var versionsBefore = groups.Select(g => g.Keeper.LastVersion).ToList();
            var sent = SseViewer.Now();
            await cluster.Kube.CoreV1.DeleteNamespacedPodAsync(victim, Namespace);
            var kill = new List<double>();
            for (var g = 0; g < groups.Count; g++)
            {
                var group = groups[g];
                long showing = 0;
                await AsyncWait.UntilAsync(() => (showing = group.FirstShowing(versionsBefore[g], victim)) > 0, $"the view to show {victim} deleted", CatchUp);
                await AsyncWait.UntilAsync(() => group.AllReceived(showing), $"all viewers to receive version {showing}", CatchUp);
                var times = group.Latencies(showing, sent).ToList();
                kill.AddRange(times);
                perReplica[g].AddRange(times);
            }

            result.Viewers.AddRange(kill);
            foreach (var (page, into) in screens.Select(s => (s, result.Chromium)).Prepend((presenter, result.Presenter)))
            {
                await AsyncWait.UntilAsync(async () => Changed(await ScreenProbe.ReadAsync(page), victim, sent) is not null, $"a screen to show {victim} deleted", CatchUp);
                into.Add(Changed(await ScreenProbe.ReadAsync(page), victim, sent)!.Value - sent);
            }

            await AsyncWait.UntilAsync(() => RecoveredAsync(cluster.Kube, victim), $"{App} back to 2 Ready pods", CatchUp);
            var within = kill.Count(l => l <= GoalMilliseconds) / (double)kill.Count;
            BenchReport.Line($"deletion {k}: {victim}; viewers p50 {Percentiles.Of(kill, 50):0.0}, p95 {Percentiles.Of(kill, 95):0.0}, max {kill.Max():0.0} ms; within {GoalMilliseconds:0} ms {within:P1}; presenter {result.Presenter[^1]:0.0} ms");
            // Pacing, not waiting for a condition: deletions --gap apart, as a presenter's are, so each is timed on its own.
            await Task.Delay(gap);
        }

        var to = CpuSample.Take();
        BenchReport.Line($"during the deletions: {Cores(from, to)}; load average {CpuSample.LoadAverage()}");
        BenchReport.Section("DELETE sent → screen received / showed the view with the pod gone or terminating (ms)");
        BenchReport.Line($"lightweight viewers ({result.Viewers.Count / kills}): {Summary(result.Viewers)}");
        for (var g = 0; g < groups.Count && groups.Count > 1; g++)
        {
            BenchReport.Line($"  on replica {g + 1} ({groups[g].Viewers.Count}): {Summary(perReplica[g])}");
        }

        BenchReport.Line($"Chromium light screens ({screens.Count}, DOM changed): {Summary(result.Chromium)}");
        BenchReport.Line($"presenter page (Blazor, DOM changed): {Summary(result.Presenter)}");
        return result;
    }

    /// <summary>Each replica's memory once it has settled; RSS only unless <paramref name="gcdump"/> (a heap snapshot suspends the console and collects everything).</summary>
    private static async Task<List<MemoryReading>> ReadMemoryAsync(List<BenchConsole> consoles, string? gcdump, string what)
    {
        var readings = new List<MemoryReading>();
        for (var i = 0; i < consoles.Count; i++)
        {
            await ConsoleButton.SettledAsync(consoles[i].Process);
            readings.Add(await ConsoleMemory.ReadAsync(consoles[i].Process, gcdump));
            var replica = consoles.Count == 1 ? "" : Invariant($", replica {i + 1}");
            BenchReport.Line($"{what}{replica}: {readings[i].Text}");
        }

        return readings;
    }

    private async Task ScreenshotAsync(List<IPage> screens, int viewers, int replicas)
    {
        if (screens.Count == 0)
        {
            return;
        }

        await screens[0].SetViewportSizeAsync(1280, 720);
        var picture = Path.Combine(screenshots, Invariant($"light-{viewers}-viewers-{replicas}-replicas-1280x720.png"));
        await screens[0].ScreenshotAsync(new() { Path = picture });
        BenchReport.Line($"{screens.Count} Chromium light screens show the view the lightweight viewers of their replica have; screenshot {picture}");
    }

    /// <summary>A Chromium light screen on <paramref name="group"/>'s replica, showing the version its viewers have.</summary>
    private async Task<IPage> LightScreenAsync(ViewerGroup group)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = group.Console.Address.ToString() });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync($"/auth/watch?t={ConsoleWebFactory.ViewerToken}&view=light");
        await page.WaitForSelectorAsync("[data-testid=view-ha-pods] tr[data-pod]");
        await ScreenProbe.InstallAsync(page);
        await AsyncWait.UntilAsync(async () => long.Parse(await page.EvaluateAsync<string>("() => document.getElementById('audience-light').dataset.version"), CultureInfo.InvariantCulture) >= group.Keeper.LastVersion,
            "the Chromium light screen to show the viewers' version", CatchUp);
        return page;
    }

    /// <summary>When a browser screen first showed the pod as anything but Running, after the DELETE was sent.</summary>
    private static double? Changed(IReadOnlyList<ScreenChange> log, string victim, double sent) =>
        log.FirstOrDefault(c => c.Pod == victim && c.T >= sent && (c.State is null || !c.State.StartsWith("Running|", StringComparison.Ordinal)))?.T;

    private static async Task<string> ReadyPodAsync(Kubernetes kube) =>
        (await BlogPodsAsync(kube)).Where(IsReady).OrderBy(p => p.Metadata.CreationTimestamp).First().Metadata.Name;

    private static async Task<bool> RecoveredAsync(Kubernetes kube, string victim)
    {
        var pods = await BlogPodsAsync(kube);
        return pods.All(p => p.Metadata.Name != victim) && pods.Count == 2 && pods.All(IsReady);
    }

    private static async Task<IList<V1Pod>> BlogPodsAsync(Kubernetes kube) =>
        (await kube.CoreV1.ListNamespacedPodAsync(Namespace, labelSelector: $"app={App}")).Items;

    private static bool IsReady(V1Pod pod) => Core.Cluster.PodViews.From(pod).IsRunningAndReady;

    private static double PerViewerBytes(List<MemoryReading> before, List<MemoryReading> after, List<ViewerGroup> groups) =>
        Enumerable.Range(0, groups.Count).Max(i => (after[i].ResidentBytes - before[i].ResidentBytes) / (double)groups[i].Viewers.Count);

    private static string PerViewer(List<MemoryReading> before, List<MemoryReading> after, List<ViewerGroup> groups) =>
        string.Join("; ", Enumerable.Range(0, groups.Count).Select(i =>
        {
            var viewers = groups[i].Viewers.Count;
            var rss = (after[i].ResidentBytes - before[i].ResidentBytes) / (double)viewers / 1024;
            var heap = after[i].LiveHeapBytes is { } a && before[i].LiveHeapBytes is { } b ? Invariant($", live GC heap +{(a - b) / (double)viewers / 1024:0.0} KiB") : "";
            var replica = groups.Count > 1 ? Invariant($"replica {i + 1} ({viewers} viewers): ") : "";
            return replica + Invariant($"RSS +{rss:0.0} KiB{heap}");
        }));

    internal static string Summary(List<double> values) => Invariant(
        $"p50 {Percentiles.Of(values, 50):0.0}, p95 {Percentiles.Of(values, 95):0.0}, p99 {Percentiles.Of(values, 99):0.0}, max {values.DefaultIfEmpty(double.NaN).Max():0.0} ms (n={values.Count})");

    private static string Cores(CpuSample a, CpuSample b)
    {
        var (machine, self, children, cores) = CpuSample.Between(a, b);
        return Invariant($"CPU busy {machine:0.00} of {cores} cores (benchmark {self:0.00}, consoles + Chromium {children:0.00}, others {Math.Max(0, machine - self - children):0.00})");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
