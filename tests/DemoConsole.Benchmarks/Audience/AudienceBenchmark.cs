using System.Globalization;
using DemoConsole.Benchmarks.Load;
using DemoConsole.Benchmarks.Screens;
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
    public static async Task<int> RunAsync(string[] args)
    {
        var viewerCounts = Counts(args, "--viewers", "100,1000");
        var circuitCounts = Counts(args, "--blazor", "");
        var replicaCounts = Counts(args, "--replicas", "1");
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
            foreach (var replicas in replicaCounts)
            {
                await new LightViewers(cli, browser, timeScale, gcdump, screenshots, report).RunAsync(viewers, replicas, chromiumScreens, kills, gap);
            }
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

    private static string PerViewer(MemoryReading before, MemoryReading after, int viewers)
    {
        var rss = (after.ResidentBytes - before.ResidentBytes) / (double)viewers / 1024;
        return after.LiveHeapBytes is { } heap && before.LiveHeapBytes is { } baseHeap
            ? Invariant($"RSS +{rss:0.0} KiB, live GC heap +{(heap - baseHeap) / (double)viewers / 1024:0.0} KiB")
            : Invariant($"RSS +{rss:0.0} KiB");
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
