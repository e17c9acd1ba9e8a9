using System.Collections.Immutable;

namespace DemoConsole.Core.Session;

/// <summary>
/// The timer state as data: when the demo started, how long it has been paused, and how much time each part
/// has had. Elapsed times are derived from a clock reading, so a snapshot never goes stale.
/// </summary>
public sealed record DemoTimers
{
    public static DemoTimers NotStarted { get; } = new();

    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Set while paused for questions; both timers stand still.</summary>
    public DateTimeOffset? PausedAt { get; init; }

    public TimeSpan PausedTotal { get; init; }

    /// <summary>The part whose clock runs now (0: none), and since when (pause time excluded).</summary>
    public int RunningPart { get; init; }

    public DateTimeOffset? RunningPartSince { get; init; }

    /// <summary>Time spent in each part before it was left (a part can be visited twice).</summary>
    public ImmutableDictionary<int, TimeSpan> PartTotals { get; init; } = ImmutableDictionary<int, TimeSpan>.Empty;

    public bool IsRunning => StartedAt is not null && PausedAt is null;

    public TimeSpan TotalElapsed(DateTimeOffset now) =>
        StartedAt is { } started ? Positive((PausedAt ?? now) - started - PausedTotal) : TimeSpan.Zero;

    public TimeSpan PartElapsed(int part, DateTimeOffset now)
    {
        var before = PartTotals.GetValueOrDefault(part);
        return part == RunningPart && RunningPartSince is { } since
            ? before + Positive((PausedAt ?? now) - since)
            : before;
    }

    public DemoTimers Start(DateTimeOffset now, int part) =>
        StartedAt is null ? (this with { StartedAt = now }).EnterPart(part, now) : this;

    /// <summary>Moves the running part clock to <paramref name="part"/> (0 when leaving the parts).</summary>
    public DemoTimers EnterPart(int part, DateTimeOffset now)
    {
        if (StartedAt is null || part == RunningPart)
        {
            return this;
        }

        var totals = RunningPart > 0 ? PartTotals.SetItem(RunningPart, PartElapsed(RunningPart, now)) : PartTotals;
        return this with
        {
            PartTotals = totals,
            RunningPart = part,
            RunningPartSince = part > 0 ? PausedAt ?? now : null,
        };
    }

    public DemoTimers Pause(DateTimeOffset now) => IsRunning ? this with { PausedAt = now } : this;

    public DemoTimers Resume(DateTimeOffset now)
    {
        if (PausedAt is not { } paused)
        {
            return this;
        }

        var pause = Positive(now - paused);
        return this with
        {
            PausedAt = null,
            PausedTotal = PausedTotal + pause,
            RunningPartSince = RunningPartSince + pause,
        };
    }

    private static TimeSpan Positive(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
}
