using DemoConsole.Core.Load;
using DemoConsole.Tests.Shared;

namespace DemoConsole.Core.Tests.Load;

/// <summary>Waits on a run through its own change stream, so tests wake on changes rather than on a clock.</summary>
internal static class RunWaiting
{
    public static async Task<LoadSnapshot> UntilAsync(this ILoadRun run, Func<LoadSnapshot, bool> condition, string description)
    {
        using var expired = new CancellationTokenSource(AsyncWait.DefaultTimeout);
        try
        {
            await foreach (var snapshot in run.WatchAsync(TimeSpan.Zero, expired.Token))
            {
                if (condition(snapshot))
                {
                    return snapshot;
                }
            }
        }
        catch (OperationCanceledException) when (expired.IsCancellationRequested)
        {
        }

        throw new TimeoutException($"Timed out waiting until {description}; last snapshot: {Describe(run.GetSnapshot())}");
    }

    public static Task<LoadResult> FinishedAsync(this ILoadRun run) => run.Completion.WaitAsync(AsyncWait.DefaultTimeout);

    /// <summary>Advances a fake clock one interval at a time, each time only once the scheduler sleeps until that request.</summary>
    public static async Task StepThroughScheduleAsync(this ILoadRun run, Microsoft.Extensions.Time.Testing.FakeTimeProvider time, TimeSpan interval, int count)
    {
        var loadRun = (LoadRun)run;
        for (var next = 2; next <= count; next++)
        {
            var expected = next;
            await AsyncWait.UntilAsync(() => loadRun.SchedulerParkedBefore == expected, $"the scheduler sleeps until request {expected}");
            time.Advance(interval);
        }
    }

    public static string Describe(LoadSnapshot s) =>
        $"state {s.State}, sent {s.Sent}, completed {s.Completed}, responses {s.Responses}, errors {s.Errors}, dropped {s.Dropped}, aborted {s.Aborted}, statuses [{string.Join(", ", s.StatusCounts.Select(p => $"{p.Key}:{p.Value}"))}], errors [{string.Join(", ", s.ErrorCounts.Select(p => $"{p.Key}:{p.Value}"))}]";
}
