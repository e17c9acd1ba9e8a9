using DemoConsole.Core.Actions.Load;
using DemoConsole.Core.Load;
using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Tests.Actions.Load;

public class LoadActionPlansTests
{
    private static readonly Uri Gateway = new("http://127.0.0.1:31304/");

    private static ActionDefinition Default(string id) => DefaultScenario.Load().Actions.Single(a => a.Id == id);

    [Fact]
    public void Build_DefaultTrafficBurst_IsOpenModelAtTwentyPerSecondForAHundredRequests()
    {
        var plan = LoadActionPlans.Build(Default("traffic-burst"), Gateway, out var problems);

        Assert.Empty(problems);
        Assert.Equal(LoadModel.Open, plan!.Model);
        Assert.Equal(20, plan.Rate!.Value, precision: 6);
        Assert.Equal(100, plan.Count);
        Assert.Equal(new Uri(Gateway, "/"), plan.Target);
        Assert.Equal("/blog/", plan.Path);
        Assert.Equal(LoadExpectation.Status(200), plan.Expectation);
    }

    [Theory]
    [InlineData("errors-404", "GET", "/nonexistent-endpoint", 20, 500, 404)]
    [InlineData("errors-405", "DELETE", "/blog/", 10, 500, 405)]
    [InlineData("errors-recovery", "GET", "/blog/", 10, 1000, 200)]
    public void Build_DefaultSequences_AreTheRunbooksCurlLoops(string id, string method, string path, int count, int intervalMs, int status)
    {
        var plan = LoadActionPlans.Build(Default(id), Gateway, out _);

        Assert.Equal(LoadModel.Sequence, plan!.Model);
        Assert.Equal((method, path, count), (plan.Method, plan.Path, plan.Count));
        Assert.Equal(TimeSpan.FromMilliseconds(intervalMs), plan.Interval);
        Assert.Equal(status, plan.Expectation!.MinStatus);
    }

    [Fact]
    public void Build_SteadyTraffic_HasOnlyAnInterval()
    {
        var plan = LoadActionPlans.Build(Default("background-traffic"), Gateway, out _);

        Assert.Equal(LoadModel.Steady, plan!.Model);
        Assert.Equal(TimeSpan.FromSeconds(10), plan.Interval);
        Assert.Null(plan.Count);
    }

    [Fact]
    public void Build_BurstWithConnections_IsClosedModelForTheDuration()
    {
        var action = new ActionDefinition("stress", LoadKinds.LoadBurst.Name, "Stress", 5,
            new Dictionary<string, string> { ["path"] = "/blog/", ["connections"] = "50", ["duration"] = "5s" }, null, 1);

        var plan = LoadActionPlans.Build(action, Gateway, out var problems);

        Assert.Empty(problems);
        Assert.Equal(LoadModel.Closed, plan!.Model);
        Assert.Equal(50, plan.Connections);
        Assert.Equal(TimeSpan.FromSeconds(5), plan.Duration);
        Assert.Null(plan.Rate);
        Assert.Equal("GET /blog/ over 50 connections for 5 s", plan.Description);
    }

    [Fact]
    public void Build_BurstWithConnectionsAndARate_TheEngineNamesTheConflict()
    {
        var action = new ActionDefinition("stress", LoadKinds.LoadBurst.Name, "Stress", 5,
            new Dictionary<string, string> { ["path"] = "/blog/", ["connections"] = "50", ["duration"] = "5s", ["rate"] = "100" }, null, 1);

        var plan = LoadActionPlans.Build(action, Gateway, out _);

        Assert.Contains(
            "a closed-model run sends as fast as responses return; it takes connections, not a rate",
            LoadPlanValidator.Validate(plan, new LoadCaps { AllowedTargets = [Gateway] }).Select(p => p.ToString()));
    }

    [Fact]
    public void Build_BadParameters_ListsEveryProblem()
    {
        var action = new ActionDefinition("bad", LoadKinds.RequestSequence.Name, "Bad", 5,
            new Dictionary<string, string> { ["path"] = "blog", ["count"] = "many", ["interval"] = "soon" }, "most", 1);

        var plan = LoadActionPlans.Build(action, Gateway, out var problems);

        Assert.Null(plan);
        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.ToString().Contains("'path: blog'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ToString().Contains("'count: many'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ToString().Contains("'interval: soon'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ToString().Contains("expect 'most'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("405 >= 95%", 405, 405, 0.95)]
    [InlineData("2xx >= 99.5%", 200, 299, 0.995)]
    [InlineData(" 200>=100% ", 200, 200, 1.0)]
    public void ExpectationText_RunbookForms_Parse(string text, int min, int max, double share)
    {
        Assert.True(ExpectationText.TryParse(text, out var expectation));
        Assert.Equal(new LoadExpectation(min, max, share), expectation);
    }

    [Theory]
    [InlineData("405")]
    [InlineData("405 >= 0%")]
    [InlineData("405 >= 150%")]
    [InlineData("600 >= 95%")]
    public void ExpectationText_Nonsense_IsRejected(string text)
    {
        Assert.False(ExpectationText.TryParse(text, out _));
    }
}
