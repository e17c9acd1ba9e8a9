using Bunit;
using DemoConsole.Core.Load;
using DemoConsole.Web.Components.Panels.Results;

namespace DemoConsole.Web.Tests.Components;

public class LoadResultViewTests : ConsoleComponentTest
{
    private static LoadSnapshot Snapshot(LoadRunState state, ExpectationOutcome? expectation = null) => new()
    {
        RunId = Guid.NewGuid(),
        State = state,
        Version = 7,
        Elapsed = TimeSpan.FromSeconds(10),
        Sent = 20,
        Completed = 18,
        Responses = 17,
        Errors = 1,
        Dropped = 2,
        Aborted = 0,
        AchievedRps = 1.8,
        Progress = 0.9,
        Timeline = [new LoadSecond(0, 2, 2, 0, 0), new LoadSecond(1, 2, 1, 1, 0), new LoadSecond(2, 2, 2, 0, 0)],
        Latency = new LatencySummary(18, TimeSpan.FromMilliseconds(4), TimeSpan.FromMilliseconds(9), TimeSpan.FromMilliseconds(12), TimeSpan.FromMilliseconds(30), TimeSpan.FromMilliseconds(31), TimeSpan.FromMilliseconds(6)),
        ServiceLatency = LatencySummary.Empty,
        ScheduleLag = LatencySummary.Empty,
        StatusCounts = new Dictionary<int, long> { [404] = 16, [200] = 1 },
        ErrorCounts = new Dictionary<LoadErrorClass, long> { [LoadErrorClass.Timeout] = 1 },
        Requests = [new RequestLine(1, 404, null, TimeSpan.FromMilliseconds(5)), new RequestLine(2, null, LoadErrorClass.Timeout, TimeSpan.FromSeconds(5))],
        Expectation = expectation,
    };

    [Fact]
    public void Render_RunningSequence_ShowsCountsPercentilesStatusesAndLines()
    {
        var cut = Render<LoadResultView>(p => p.Add(x => x.Result, Snapshot(LoadRunState.Running)));

        Assert.Equal("20", cut.Find("[data-testid=load-sent]").TextContent);
        Assert.Equal("18", cut.Find("[data-testid=load-completed]").TextContent);
        Assert.Contains("p95 12 ms", cut.Find("[data-testid=load-latency]").TextContent);
        var statuses = cut.FindAll("[data-testid=load-statuses] [data-status]").Select(s => s.TextContent).ToList();
        Assert.Equal(["200 × 1", "404 × 16"], statuses);
        Assert.Contains("Request 1: HTTP 404, 5 ms", cut.Find("[data-testid=load-lines]").TextContent);
        Assert.Contains("Request 2: timeout", cut.Find("[data-testid=load-lines]").TextContent);
        Assert.Contains("2 dropped", cut.Find(".load-figures").TextContent);
        Assert.NotNull(cut.Find("svg.sparkline"));
    }

    [Fact]
    public void Render_ExpectationMissed_ShowsFailWithTheShare()
    {
        var expectation = LoadExpectation.Status(404).Evaluate(new Dictionary<int, long> { [404] = 16, [200] = 1 }, 18);

        var cut = Render<LoadResultView>(p => p.Add(x => x.Result, Snapshot(LoadRunState.Completed, expectation)));

        var line = cut.Find("[data-testid=load-expectation]");
        Assert.Contains("fail", line.ClassName);
        Assert.Contains("≥ 95% of responses are 404 (88.9%)", line.TextContent);
    }
}
