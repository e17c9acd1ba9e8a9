using DemoConsole.Core.Load;

namespace DemoConsole.Benchmarks.Load;

/// <summary>Closed model with equal connections: the engine's throughput, counted at nginx, against wrk's and hey's.</summary>
internal static class ThroughputSection
{
    public static async Task RunAsync(ILoadEngine engine, NginxTarget nginx, int connections, TimeSpan duration, BenchReport report)
    {
        BenchReport.Section($"Closed model, {connections} connections, {duration.TotalSeconds:0} s each, against nginx (counted at the target)");
        var url = new Uri(nginx.BaseAddress, "/blog/");

        // Warm-up so JIT and connection set-up are not part of the measured run.
        await RunEngineAsync(engine, nginx, connections, TimeSpan.FromSeconds(2));

        var wrkReported = 0.0;
        var wrk = await nginx.CountRequestsAsync(async () => (_, wrkReported) = await ExternalLoadTool.WrkAsync(url, connections, duration)) / duration.TotalSeconds;
        BenchReport.Line($"wrk -t2 -c{connections}: {wrk:0} req/s at the target (wrk reports {wrkReported:0})");

        var heyReported = 0.0;
        var hey = await nginx.CountRequestsAsync(async () => (_, heyReported) = await ExternalLoadTool.HeyAsync(url, connections, duration)) / duration.TotalSeconds;
        BenchReport.Line($"hey -c {connections}: {hey:0} req/s at the target (hey reports {heyReported:0})");

        LoadResult? result = null;
        var ours = await nginx.CountRequestsAsync(async () => result = await RunEngineAsync(engine, nginx, connections, duration)) / duration.TotalSeconds;
        BenchReport.Line($"engine closed model: {ours:0} req/s at the target (engine reports {result!.Snapshot.AchievedRps:0}, p99 {result.Snapshot.Latency.P99.TotalMilliseconds:0.00} ms, errors {result.Snapshot.Errors})");

        report.Check("closed-model throughput / wrk ≥ 0.5", ours / wrk >= 0.5, $"{ours / wrk:0.00} ({ours:0} vs {wrk:0} req/s)");
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
