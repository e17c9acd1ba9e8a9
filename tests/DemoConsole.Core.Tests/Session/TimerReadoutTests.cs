using DemoConsole.Core.Session;
using DemoConsole.Tests.Shared;

namespace DemoConsole.Core.Tests.Session;

public class TimerReadoutTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 3, 9, 0, 0, TimeSpan.Zero);
    private readonly DemoConsole.Core.Scenarios.Scenario _scenario = TestScenarios.ThreeParts();

    [Theory]
    [InlineData(60, Pace.OnTime)]
    [InlineData(150, Pace.Behind)]
    [InlineData(181, Pace.Over)]
    public void Read_PartAgainstItsThreeMinuteBudget_GivesPace(int seconds, Pace expected)
    {
        var timers = DemoTimers.NotStarted.Start(T0, 1);

        var readout = TimerReadout.Read(timers, _scenario, 1, T0.AddSeconds(seconds));

        Assert.Equal(expected, readout.PartPace);
        Assert.Equal(TimeSpan.FromMinutes(3), readout.PartBudget);
    }

    [Fact]
    public void Read_LaterThanTheSchedule_IsBehindOverall()
    {
        // Part 1 is scheduled for the first 3 minutes; still in it after 4 minutes means the demo runs late.
        var timers = DemoTimers.NotStarted.Start(T0, 1);

        var readout = TimerReadout.Read(timers, _scenario, 1, T0.AddMinutes(4));

        Assert.Equal(Pace.Behind, readout.TotalPace);
    }

    [Fact]
    public void Read_PastTheLimit_IsOverOverall()
    {
        var timers = DemoTimers.NotStarted.Start(T0, 3);

        var readout = TimerReadout.Read(timers, _scenario, 3, T0.AddMinutes(13));

        Assert.Equal(Pace.Over, readout.TotalPace);
    }
}
