using DemoConsole.Core.Session;

namespace DemoConsole.Core.Tests.Session;

public class DemoTimersTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TotalElapsed_NotStarted_IsZero()
    {
        Assert.Equal(TimeSpan.Zero, DemoTimers.NotStarted.TotalElapsed(T0.AddMinutes(5)));
    }

    [Fact]
    public void PartElapsed_AfterMovingOn_KeepsTimeOfEachPart()
    {
        var timers = DemoTimers.NotStarted.Start(T0, 1)
            .EnterPart(2, T0.AddMinutes(3))
            .EnterPart(3, T0.AddMinutes(7));

        var now = T0.AddMinutes(8);
        Assert.Equal(TimeSpan.FromMinutes(3), timers.PartElapsed(1, now));
        Assert.Equal(TimeSpan.FromMinutes(4), timers.PartElapsed(2, now));
        Assert.Equal(TimeSpan.FromMinutes(1), timers.PartElapsed(3, now));
        Assert.Equal(TimeSpan.FromMinutes(8), timers.TotalElapsed(now));
    }

    [Fact]
    public void Pause_ForQuestions_StopsBothClocksUntilResumed()
    {
        var timers = DemoTimers.NotStarted.Start(T0, 1).Pause(T0.AddMinutes(2));

        Assert.Equal(TimeSpan.FromMinutes(2), timers.TotalElapsed(T0.AddMinutes(10)));
        Assert.Equal(TimeSpan.FromMinutes(2), timers.PartElapsed(1, T0.AddMinutes(10)));

        var resumed = timers.Resume(T0.AddMinutes(10));
        Assert.Equal(TimeSpan.FromMinutes(3), resumed.TotalElapsed(T0.AddMinutes(11)));
        Assert.Equal(TimeSpan.FromMinutes(3), resumed.PartElapsed(1, T0.AddMinutes(11)));
    }

    [Fact]
    public void EnterPart_RevisitingAPart_AddsToItsEarlierTime()
    {
        var timers = DemoTimers.NotStarted.Start(T0, 1)
            .EnterPart(2, T0.AddMinutes(1))
            .EnterPart(1, T0.AddMinutes(2));

        Assert.Equal(TimeSpan.FromMinutes(2), timers.PartElapsed(1, T0.AddMinutes(3)));
    }

    [Fact]
    public void Start_WhenAlreadyStarted_KeepsTheOriginalStart()
    {
        var timers = DemoTimers.NotStarted.Start(T0, 1).Start(T0.AddMinutes(5), 2);

        Assert.Equal(T0, timers.StartedAt);
        Assert.Equal(1, timers.RunningPart);
    }
}
