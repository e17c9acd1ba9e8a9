using System.Diagnostics;
using DemoConsole.Core.Load;
using DemoConsole.Tests.Shared;

namespace DemoConsole.Benchmarks.Load;

/// <summary>Live heap during a long open-model run against a slow target: it must level off, not grow with requests sent.</summary>
internal static class MemorySection
{
    private const double Rate = 500;
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(ILoadEngine engine, KestrelLoadTarget kestrel, TimeSpan duration, BenchReport report)
    {
        BenchReport.Section($"Memory: open model at {Rate:0} req/s for {duration.TotalSeconds:0} s against Kestrel /delay/100 (slow target)");
        var plan = new LoadPlan { Target = kestrel.BaseAddress, Path = "/delay/100", Rate = Rate, Duration = duration, Connections = 200 };
        var start = engine.Start(plan);
        if (!start.Started)
        {
            throw new InvalidOperationException(start.Message);
        }

        var samples = new List<(double Seconds, long Sent, long LiveBytes, long WorkingSet)>();
        var clock = Stopwatch.StartNew();
        void Sample()
        {
            // A full collection before reading: the live heap is what the run retains, not garbage awaiting a GC.
            var live = GC.GetTotalMemory(forceFullCollection: true);
            samples.Add((clock.Elapsed.TotalSeconds, start.Run.GetSnapshot().Sent, live, Environment.WorkingSet));
        }

        // Sampling pace: one sample per tick; the run's end disposes the timer (the pending tick answers false), then a last sample.
        using var sampling = new PeriodicTimer(SampleEvery);
        _ = start.Run.Completion.ContinueWith(_ => sampling.Dispose(), TaskScheduler.Default);
        while (await sampling.WaitForNextTickAsync())
        {
            Sample();
        }

        Sample();

        var s = (await start.Run.Completion).Snapshot;
        foreach (var (seconds, sent, liveBytes, workingSet) in samples)
        {
            BenchReport.Line($"t={seconds,6:0.0} s  sent {sent,8}  live heap {liveBytes / 1048576.0,7:0.0} MiB  working set {workingSet / 1048576.0,7:0.0} MiB");
        }

        var warm = samples.First(x => x.Seconds >= Math.Min(10, duration.TotalSeconds / 2));
        var last = samples[^1];
        var maxLive = samples.Max(x => x.LiveBytes);
        var growth = (last.LiveBytes - warm.LiveBytes) / 1048576.0;
        BenchReport.Line($"sent {s.Sent}, completed {s.Completed}, dropped {s.Dropped}, errors {s.Errors}, corrected p99 {s.Latency.P99.TotalMilliseconds:0.0} ms");
        report.Check(
            $"memory bounded over {duration.TotalSeconds:0} s (live heap growth after warm-up < 16 MiB)",
            growth < 16,
            $"live heap {warm.LiveBytes / 1048576.0:0.0} MiB at {warm.Seconds:0} s → {last.LiveBytes / 1048576.0:0.0} MiB at end (max {maxLive / 1048576.0:0.0}) while sent grew {warm.Sent} → {last.Sent}");
    }
}
