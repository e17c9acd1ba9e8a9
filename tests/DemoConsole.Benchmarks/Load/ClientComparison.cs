using System.Globalization;
using DemoConsole.Core.Load;

namespace DemoConsole.Benchmarks.Load;

/// <summary>
/// Closed model, equal connections, against nginx with one and with two workers: wrk, hey, the console's
/// <c>burst</c> from the published build as a separate cold process, and the engine in this (warmed-up) process.
/// Each run is counted at nginx (stub_status) and charged the CPU time of the client process (user + system), so
/// besides req/s it gives CPU per request, which moves less with the machine's load. Set-ups and clients are
/// interleaved round by round, and every ratio is against wrk measured in the same run: on two shared cores a
/// single round mostly measures who had the CPU at that moment.
/// </summary>
internal static class ClientComparison
{
    private const double Goal = 0.8;

    public static async Task RunAsync(
        ILoadEngine engine, IReadOnlyList<NginxTarget> setUps, PublishedConsole cli, ConsoleButton? button, int connections, TimeSpan duration, int rounds, BenchReport report)
    {
        BenchReport.Section($"Closed model, {connections} connections, {duration.TotalSeconds:0} s per run, {rounds} interleaved rounds, nginx with {string.Join(" and ", setUps.Select(s => s.Workers))} worker(s) (counted at nginx)");
        if (!ExternalLoadTool.HeyInstalled)
        {
            BenchReport.Line($"hey is not installed (apt-get install -y hey): left out");
        }

        var clients = Clients(engine, cli, button, connections, duration);
        // Warm-up of the in-process engine only: JIT and connection set-up are not part of its measured runs.
        // The command line is never warmed up; each of its runs is a new process.
        await RunEngineAsync(engine, setUps[0].BaseAddress, connections, TimeSpan.FromSeconds(2));

        var runs = new List<ClientRun>();
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var nginx in setUps)
            {
                BenchReport.Line($"round {round}, nginx {nginx.Workers} worker(s), load average {LoadAverage()}");
                foreach (var client in clients)
                {
                    var url = new Uri(nginx.BaseAddress, "/blog/");
                    var cpu = TimeSpan.Zero;
                    var note = "";
                    var counted = await nginx.CountRequestsAsync(async () => (cpu, note) = await client.Run(url));
                    var run = new ClientRun(round, nginx.Workers, client.Name, counted / duration.TotalSeconds, cpu.TotalMicroseconds / Math.Max(1, counted));
                    runs.Add(run);
                    BenchReport.Line($"  {client.Name,-32} {run.Rps,8:0} req/s  {run.MicrosPerRequest,6:0.0} µs CPU/request  ({note})");
                }
            }
        }

        PrintTable(runs, clients, setUps);
        foreach (var nginx in setUps)
        {
            CheckAgainstWrk(runs, nginx.Workers, Cold, $"`burst` from the command line (cold, {duration.TotalSeconds:0} s)", report);
            if (button is not null)
            {
                CheckAgainstWrk(runs, nginx.Workers, Button, $"a console button ({duration.TotalSeconds:0} s, screens open)", report);
            }
        }
    }

    private static void CheckAgainstWrk(List<ClientRun> runs, int workers, string client, string what, BenchReport report)
    {
        var wrk = Best(runs, workers, Wrk);
        var best = Best(runs, workers, client);
        var perRound = runs.Where(r => r.Workers == workers && r.Client == client)
            .Select(r => r.Rps / runs.Single(w => w.Round == r.Round && w.Workers == r.Workers && w.Client == Wrk).Rps)
            .ToList();
        report.Check(
            $"nginx {workers} worker(s): {what} ≥ {Goal} × wrk (best rounds)",
            best / wrk >= Goal,
            $"{best / wrk:0.00} ({best:0} vs {wrk:0} req/s; round by round {string.Join(", ", perRound.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))})");
    }

    private const string Wrk = "wrk -t2";
    private const string Cold = "DemoConsole burst (cold process)";
    private const string Button = "console button (screens open)";

    private static List<Client> Clients(ILoadEngine engine, PublishedConsole cli, ConsoleButton? button, int connections, TimeSpan duration)
    {
        var clients = new List<Client>
        {
            new(Wrk, url => ChildAsync(async () => $"wrk reports {(await ExternalLoadTool.WrkAsync(url, connections, duration)).ReportedRps:0}")),
        };
        if (ExternalLoadTool.HeyInstalled)
        {
            clients.Add(new("hey", url => ChildAsync(async () => $"hey reports {(await ExternalLoadTool.HeyAsync(url, connections, duration)).ReportedRps:0}")));
        }

        clients.Add(new(Cold, url => ChildAsync(async () =>
        {
            var (completed, _) = await cli.BurstAsync(url, connections, duration);
            return $"completed {completed}; CPU includes start-up";
        })));
        if (button is not null)
        {
            clients.Add(new(Button, button.RunAsync));
        }

        clients.Add(new("engine in-process (warm)", async url =>
        {
            var before = ProcessCpu.OfSelf();
            var s = (await RunEngineAsync(engine, url, connections, duration)).Snapshot;
            var cpu = ProcessCpu.OfSelf() - before;
            return (cpu, string.Create(CultureInfo.InvariantCulture, $"engine reports {s.AchievedRps:0}, p50 {s.Latency.P50.TotalMilliseconds:0.00} ms, p99 {s.Latency.P99.TotalMilliseconds:0.00} ms, errors {s.Errors}"));
        }));
        return clients;
    }

    /// <summary>Runs a child process and charges it the CPU time the kernel counted for it.</summary>
    private static async Task<(TimeSpan Cpu, string Note)> ChildAsync(Func<Task<string>> run)
    {
        var before = ProcessCpu.OfEndedChildren();
        var note = await run();
        return (ProcessCpu.OfEndedChildren() - before, note);
    }

    private static void PrintTable(List<ClientRun> runs, List<Client> clients, IReadOnlyList<NginxTarget> setUps)
    {
        BenchReport.Section("Best round per client (req/s at nginx), ratio to wrk's best round, CPU per request (median over rounds)");
        Console.WriteLine();
        Console.WriteLine("| nginx workers | client | req/s | ratio to wrk | CPU µs/request |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var nginx in setUps)
        {
            var wrk = Best(runs, nginx.Workers, Wrk);
            foreach (var client in clients)
            {
                var best = Best(runs, nginx.Workers, client.Name);
                var cpu = Median(runs.Where(r => r.Workers == nginx.Workers && r.Client == client.Name).Select(r => r.MicrosPerRequest));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {nginx.Workers} | {client.Name} | {best:0} | {best / wrk:0.00} | {cpu:0.0} |"));
            }
        }
    }

    private static double Best(List<ClientRun> runs, int workers, string client) =>
        runs.Where(r => r.Workers == workers && r.Client == client).Max(r => r.Rps);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static async Task<LoadResult> RunEngineAsync(ILoadEngine engine, Uri url, int connections, TimeSpan duration)
    {
        var plan = new LoadPlan
        {
            Target = new Uri(url.GetLeftPart(UriPartial.Authority) + "/"),
            Path = url.PathAndQuery,
            Model = LoadModel.Closed,
            Connections = connections,
            Duration = duration,
        };
        var start = engine.Start(plan);
        return start.Started ? await start.Run.Completion : throw new InvalidOperationException(start.Message);
    }

    private sealed record Client(string Name, Func<Uri, Task<(TimeSpan Cpu, string Note)>> Run);

    private sealed record ClientRun(int Round, int Workers, string Client, double Rps, double MicrosPerRequest);
}
