using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Session;

public enum Pace
{
    OnTime,
    Behind,
    Over,
}

/// <summary>What the timers read at one moment, with the pacing colour of each.</summary>
public sealed record TimerReadout(
    TimeSpan TotalElapsed,
    TimeSpan TotalTarget,
    TimeSpan TotalLimit,
    Pace TotalPace,
    int Part,
    TimeSpan PartElapsed,
    TimeSpan PartBudget,
    Pace PartPace,
    bool Started,
    bool Paused)
{
    /// <summary>
    /// A part is Behind once 80% of its budget is used (time to wrap up) and Over past it. The whole demo is
    /// Behind when it runs later than the schedule (the budgets of the parts so far) or past its target, and
    /// Over past its limit.
    /// </summary>
    public static TimerReadout Read(DemoTimers timers, Scenario scenario, int currentPart, DateTimeOffset now)
    {
        var total = timers.TotalElapsed(now);
        var part = scenario.FindPart(currentPart);
        var partElapsed = part is null ? TimeSpan.Zero : timers.PartElapsed(part.Number, now);
        var partBudget = part?.Budget ?? TimeSpan.Zero;

        var schedule = scenario.Parts.Where(p => p.Number <= currentPart)
            .Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Budget);
        var totalPace = total > scenario.Budget.Limit ? Pace.Over
            : total > scenario.Budget.Target || (part is not null && total > schedule) ? Pace.Behind
            : Pace.OnTime;
        var partPace = part is null || partBudget <= TimeSpan.Zero ? Pace.OnTime
            : partElapsed > partBudget ? Pace.Over
            : partElapsed > partBudget * 0.8 ? Pace.Behind
            : Pace.OnTime;

        return new TimerReadout(
            total, scenario.Budget.Target, scenario.Budget.Limit, totalPace,
            part?.Number ?? 0, partElapsed, partBudget, partPace,
            timers.StartedAt is not null, timers.PausedAt is not null);
    }
}
