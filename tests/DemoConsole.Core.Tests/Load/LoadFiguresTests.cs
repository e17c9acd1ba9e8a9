using DemoConsole.Core.Load;

namespace DemoConsole.Core.Tests.Load;

public sealed class LoadFiguresTests
{
    [Fact]
    public void Add_MoreSecondsThanKept_KeepsTheLatest()
    {
        var timeline = new TimelineCounter(maxSeconds: 3);

        for (var second = 0; second < 5; second++)
        {
            timeline.Add(second, TimelineCounter.Completed);
        }

        timeline.Add(0, TimelineCounter.Completed);
        timeline.Add(4, TimelineCounter.Errors);

        var seconds = timeline.ToList();
        Assert.Equal([2, 3, 4], seconds.Select(s => s.Second));
        Assert.Equal(new LoadSecond(4, 0, 1, 1, 0), seconds[^1]);
    }

    [Fact]
    public void Evaluate_NothingFinished_Fails()
    {
        var outcome = LoadExpectation.Status(405).Evaluate(new Dictionary<int, long>(), 0);

        Assert.False(outcome.Passed);
        Assert.Equal("≥ 95% of responses are 405: 0% (0/0) — fail", outcome.ToString());
    }

    [Fact]
    public void Evaluate_ErrorsInDenominator_CanFail()
    {
        var outcome = LoadExpectation.Status(405, 0.95).Evaluate(new Dictionary<int, long> { [405] = 18, [200] = 0 }, finished: 20);

        Assert.False(outcome.Passed);
        Assert.Equal(0.9, outcome.Share, 3);
    }

    [Fact]
    public void ToString_RequestLine_ReadsLikeTheSeed()
    {
        Assert.Equal("Request 7: HTTP 404, 12.5 ms", new RequestLine(7, 404, null, TimeSpan.FromMilliseconds(12.5)).ToString());
        Assert.Equal("Request 2: connection refused, 1 ms", new RequestLine(2, null, LoadErrorClass.ConnectRefused, TimeSpan.FromMilliseconds(1)).ToString());
    }

    [Fact]
    public void Description_SeedPlans_ReadLikeTheRunbook()
    {
        var gateway = new Uri("http://10.0.11.168:31304/");

        Assert.Equal("DELETE /blog/ ×10 every 500 ms", LoadPlan.Sequence(gateway, "/blog/", 10, TimeSpan.FromMilliseconds(500), "DELETE").Description);
        Assert.Equal("GET /blog/ every 10 s until stopped", LoadPlan.Steady(gateway, "/blog/", TimeSpan.FromSeconds(10)).Description);
        Assert.Equal("GET /blog/ at 500/s ×1000", LoadPlan.Burst(gateway, "/blog/", 500, 1000).Description);
        Assert.Equal(
            "GET / over 8 connections for 10 s",
            new LoadPlan { Target = gateway, Model = LoadModel.Closed, Connections = 8, Duration = TimeSpan.FromSeconds(10) }.Description);
    }
}
