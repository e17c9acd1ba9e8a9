using DemoConsole.Core.Load;

namespace DemoConsole.Benchmarks.Load;

/// <summary>
/// Closed model with equal connections: the engine's throughput, counted at nginx, against wrk's and hey's.
/// The three run interleaved for several rounds and the best round of each counts, because the two cores are
/// shared with other work and a single round mostly measures who got the CPU at that moment.
/// </summary>
internal static class ThroughputSection
{
    public static async Task RunAsync(ILoadEngine engine, NginxTarget nginx, int connections, TimeSpan duration, int rounds, BenchReport report)
    {
        BenchReport.Section($"Closed model, {connections} connections, {duration.TotalSeconds:0} s per run, {rounds} interleaved rounds, against nginx (counted at the target)");
        var url = new Uri(nginx.BaseAddress, "/blog/");

        // Warm-up so JIT and connection set-up are not part of a measured run.
        await RunEngineAsync(engine, nginx, connections, TimeSpan.FromSeconds(2));

        double wrk = 0, hey = 0, ours = 0;
        for (var round = 1; round <= rounds; round++)
        {
            var wrkReported = 0.0;
            var wrkRound = await nginx.CountRequestsAsync(async () => (_, wrkReported) = await ExternalLoadTool.WrkAsync(url, connections, duration)) / duration.TotalSeconds;
            BenchReport.Line($"round {round}: wrk -t2 -c{connections}: {wrkRound:0} req/s at the target (wrk reports {wrkReported:0})");

            var heyReported = 0.0;
            var heyRound = await nginx.CountRequestsAsync(async () => (_, heyReported) = await ExternalLoadTool.HeyAsync(url, connections, duration)) / duration.TotalSeconds;
            BenchReport.Line($"round {round}: hey -c {connections}: {heyRound:0} req/s at the target (hey reports {heyReported:0})");

            LoadResult? result = null;
            var oursRound = await nginx.CountRequestsAsync(async () => result = await RunEngineAsync(engine, nginx, connections, duration)) / duration.TotalSeconds;
            var s = result!.Snapshot;
            BenchReport.Line($"round {round}: engine closed model: {oursRound:0} req/s at the target (engine reports {s.AchievedRps:0}, p50 {s.Latency.P50.TotalMilliseconds:0.00} ms, p99 {s.Latency.P99.TotalMilliseconds:0.00} ms, errors {s.Errors})");

            wrk = Math.Max(wrk, wrkRound);
            hey = Math.Max(hey, heyRound);
            ours = Math.Max(ours, oursRound);
        }

        report.Check("closed-model throughput / wrk ≥ 0.5 (best rounds)", ours / wrk >= 0.5, $"{ours / wrk:0.00} ({ours:0} vs {wrk:0} req/s)");
        report.Check("closed-model throughput / hey (reported)", true, $"{ours / hey:0.00} ({ours:0} vs {hey:0} req/s)");
    }

    private static async Task<LoadResult> RunEngineAsync(ILoadEngine engine, NginxTarget nginx, int connections, TimeSpan duration)
    {
        var plan = new LoadPlan
        {
            Target = nginx.BaseAddress,
            Path = "/blog/",
            Model = LoadModel.Closed,
            Connections = connections,
            Duration = duration,
        };
        var start = engine.Start(plan);
        return start.Started ? await start.Run.Completion : throw new InvalidOperationException(start.Message);
    }
}
