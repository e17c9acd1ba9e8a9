using DemoConsole.Core.Load;
using DemoConsole.Tests.Shared;

namespace DemoConsole.Benchmarks.Load;

/// <summary>Open-model schedule accuracy against nginx, and a Kestrel pause showing in the corrected p99 only.</summary>
internal static class OpenModelSection
{
    public static async Task AccuracyAsync(ILoadEngine engine, NginxTarget nginx, double rate, TimeSpan duration, BenchReport report)
    {
        BenchReport.Section($"Open model at {rate:0} req/s for {duration.TotalSeconds:0} s against nginx");
        var plan = new LoadPlan { Target = nginx.BaseAddress, Path = "/blog/", Rate = rate, Duration = duration };
        LoadResult? result = null;
        var counted = await nginx.CountRequestsAsync(async () =>
        {
            var start = engine.Start(plan);
            result = start.Started ? await start.Run.Completion : throw new InvalidOperationException(start.Message);
        });
        var s = result!.Snapshot;
        var expected = rate * duration.TotalSeconds;

        var seconds = s.Timeline.Where(t => t.Second >= 1 && t.Second < (int)duration.TotalSeconds).ToList();
        var startedDeviation = seconds.Max(t => Math.Abs(t.Started - rate) / rate);
        var completedDeviation = seconds.Max(t => Math.Abs(t.Completed - rate) / rate);
        BenchReport.Line($"sent {s.Sent}, completed {s.Completed}, dropped {s.Dropped}, errors {s.Errors}, counted at nginx {counted}, elapsed {s.Elapsed.TotalSeconds:0.000} s");
        BenchReport.Line($"per second started: {string.Join(" ", s.Timeline.Select(t => t.Started))}");
        BenchReport.Line($"per second completed: {string.Join(" ", s.Timeline.Select(t => t.Completed))}");
        BenchReport.Line($"latency corrected p50/p99/max {Ms(s.Latency.P50)}/{Ms(s.Latency.P99)}/{Ms(s.Latency.Max)} ms; service p99 {Ms(s.ServiceLatency.P99)} ms; schedule lag p50/p99/max {Ms(s.ScheduleLag.P50)}/{Ms(s.ScheduleLag.P99)}/{Ms(s.ScheduleLag.Max)} ms");

        report.Check($"{rate:0}/s total at target within ±1%", Math.Abs(counted - expected) / expected <= 0.01, $"{counted} of {expected:0} ({(counted - expected) / expected:+0.00%;-0.00%})");
        // Starts are counted by the second they were scheduled for, so they match by construction;
        // completions are counted when they happened, which is what the target actually saw.
        report.Check($"{rate:0}/s each second after the first within ±5% (completed)", completedDeviation <= 0.05, $"max deviation {completedDeviation:0.00%} (scheduled starts: {startedDeviation:0.00%})");
        report.Check($"{rate:0}/s schedule lag p99 (reported)", true, $"{Ms(s.ScheduleLag.P99)} ms (max {Ms(s.ScheduleLag.Max)} ms)");
    }

    public static async Task StallAsync(ILoadEngine engine, KestrelLoadTarget kestrel, BenchReport report)
    {
        const double Rate = 1000;
        BenchReport.Section("Open model at 1000 req/s for 10 s, 50 connections, against Kestrel that pauses 1 s at t = 4 s");
        var plan = LoadPlan.Burst(kestrel.BaseAddress, "/blog/", Rate, 10_000) with { Connections = 50, MaxInFlight = 5_000 };
        var start = engine.Start(plan);
        if (!start.Started)
        {
            throw new InvalidOperationException(start.Message);
        }

        await start.Run.UntilElapsedAsync(TimeSpan.FromSeconds(4));
        kestrel.Pause(TimeSpan.FromSeconds(1));
        var s = (await start.Run.Completion).Snapshot;

        BenchReport.Line($"sent {s.Sent}, completed {s.Completed}, dropped {s.Dropped}, errors {s.Errors}");
        BenchReport.Line($"corrected   p50/p90/p99/max {Ms(s.Latency.P50)}/{Ms(s.Latency.P90)}/{Ms(s.Latency.P99)}/{Ms(s.Latency.Max)} ms");
        BenchReport.Line($"uncorrected p50/p90/p99/max {Ms(s.ServiceLatency.P50)}/{Ms(s.ServiceLatency.P90)}/{Ms(s.ServiceLatency.P99)}/{Ms(s.ServiceLatency.Max)} ms");
        report.Check("1 s stall shows in corrected p99 (≥ 500 ms)", s.Latency.P99 >= TimeSpan.FromMilliseconds(500), $"{Ms(s.Latency.P99)} ms");
        report.Check("1 s stall hidden from uncorrected p99 (< 500 ms)", s.ServiceLatency.P99 < TimeSpan.FromMilliseconds(500), $"{Ms(s.ServiceLatency.P99)} ms (max {Ms(s.ServiceLatency.Max)} ms)");
    }

    private static async Task UntilElapsedAsync(this ILoadRun run, TimeSpan elapsed)
    {
        await foreach (var snapshot in run.WatchAsync())
        {
            if (snapshot.Elapsed >= elapsed)
            {
                return;
            }
        }
    }

    private static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
