using System.Globalization;
using DemoConsole.Core.Load;
using DemoConsole.Benchmarks.Screens;
using DemoConsole.Tests.Shared;
using Microsoft.Playwright;

namespace DemoConsole.Benchmarks.Load;

/// <summary>
/// <c>load</c>: the load engine against loopback targets only (nginx from the Debian package, started here
/// with its own configuration, and an in-process Kestrel), with wrk and hey as references in the same run.
/// </summary>
internal static class LoadBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = TimeSpan.FromSeconds(Option(args, "--seconds", 10));
        // The command line's figure in the issue is a 5 s run, start-up included in the process.
        var clientSeconds = TimeSpan.FromSeconds(Option(args, "--client-seconds", 5));
        var connections = (int)Option(args, "--connections", 50);
        var rounds = (int)Option(args, "--rounds", 3);
        var memoryDuration = TimeSpan.FromSeconds(60);
        var memoryText = OptionText(args, "--memory-duration");
        if (memoryText is not null && !DurationText.TryParse(memoryText, out memoryDuration))
        {
            Console.Error.WriteLine($"--memory-duration '{memoryText}' is not a duration like 60s or 5m");
            return 2;
        }

        var only = OptionText(args, "--only");
        Console.WriteLine($"load benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:u}, load average {File.ReadAllText("/proc/loadavg").Trim()}");
        await using var nginx = await NginxTarget.StartAsync(workers: 1);
        await using var nginx2 = await NginxTarget.StartAsync(workers: 2);
        await using var kestrel = await KestrelLoadTarget.StartAsync();
        Console.WriteLine($"targets: nginx (1 worker) {nginx.BaseAddress}, nginx (2 workers) {nginx2.BaseAddress}, kestrel {kestrel.BaseAddress}");

        var engine = new HttpLoadEngine(new LoadCaps
        {
            MaxRate = 50_000,
            MaxRequests = 100_000_000,
            MaxDuration = TimeSpan.FromHours(2),
            MaxInFlight = 10_000,
            AllowedTargets = LoopbackOnly(nginx.BaseAddress, nginx2.BaseAddress, kestrel.BaseAddress),
        });

        var report = new BenchReport();
        if (only is null or "clients")
        {
            using var cli = await PublishedConsole.EnsureAsync(OptionText(args, "--published"));
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await BenchBrowser.LaunchChromiumAsync(playwright);
            var button = new ConsoleButton(cli, browser, connections, clientSeconds);
            await ClientComparison.RunAsync(engine, [nginx, nginx2], cli, button, connections, clientSeconds, rounds, report);
        }

        if (only is null or "open")
        {
            await OpenModelSection.AccuracyAsync(engine, nginx, 1_000, seconds, report);
            await OpenModelSection.AccuracyAsync(engine, nginx, 5_000, seconds, report);
        }

        if (only is null or "stall")
        {
            await OpenModelSection.StallAsync(engine, kestrel, report);
        }

        if (only is null or "memory")
        {
            await MemorySection.RunAsync(engine, kestrel, memoryDuration, report);
        }

        report.PrintSummary();
        return report.AllMet ? 0 : 1;
    }

    /// <summary>Load from benchmarks only ever goes to loopback; refuse anything else outright.</summary>
    private static Uri[] LoopbackOnly(params Uri[] targets) =>
        targets.All(LoadCaps.IsLoopback) ? targets : throw new InvalidOperationException("benchmark targets must be loopback");

    private static double Option(string[] args, string name, double fallback) =>
        OptionText(args, name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? OptionText(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
