using DemoConsole.Core.Load;

namespace DemoConsole.Core.Tests.Load;

public sealed class LoadPlanValidatorTests
{
    private static readonly Uri Gateway = new("http://10.0.11.168:31304/");
    private static readonly LoadCaps Caps = new() { AllowedTargets = [Gateway], MaxRate = 1000, MaxRequests = 5000, MaxDuration = TimeSpan.FromMinutes(2) };

    /// <summary>The problems in English, as the tests below read them.</summary>
    private static List<string> Validate(LoadPlan? plan, LoadCaps caps) => [.. LoadPlanValidator.Validate(plan, caps).Select(p => p.ToString())];

    [Fact]
    public void Validate_SeedPlans_AreAccepted()
    {
        LoadPlan[] plans =
        [
            LoadPlan.Sequence(Gateway, "/blog/", 100, TimeSpan.FromMilliseconds(50)),
            LoadPlan.Sequence(Gateway, "/nonexistent-endpoint", 20, TimeSpan.FromMilliseconds(500)),
            LoadPlan.Sequence(Gateway, "/blog/", 10, TimeSpan.FromMilliseconds(500), "DELETE") with { Expectation = LoadExpectation.Status(405) },
            LoadPlan.Sequence(Gateway, "/blog/", 10, TimeSpan.FromSeconds(1)),
            LoadPlan.Steady(Gateway, "/blog/", TimeSpan.FromSeconds(10)),
            LoadPlan.Burst(Gateway, "/blog/", 500, 1000),
            new() { Target = Gateway, Path = "/blog/", Model = LoadModel.Closed, Connections = 8, Duration = TimeSpan.FromSeconds(10) },
        ];

        Assert.All(plans, plan => Assert.Empty(Validate(plan, Caps)));
    }

    [Fact]
    public void Validate_NegativeCount_SaysSo()
    {
        var problems = Validate(LoadPlan.Burst(Gateway, "/blog/", 10, -5), Caps);

        Assert.Equal(["count -5 must be between 1 and the cap of 5000"], problems);
    }

    [Fact]
    public void Validate_ZeroInterval_SaysSo()
    {
        var problems = Validate(LoadPlan.Sequence(Gateway, "/blog/", 10, TimeSpan.Zero), Caps);

        Assert.Equal(["interval 0 ms must be greater than zero"], problems);
    }

    [Theory]
    [InlineData(1e9, "rate 1000000000/s exceeds the cap of 1000/s")]
    [InlineData(double.NaN, "rate NaN/s must be a positive number")]
    [InlineData(double.PositiveInfinity, "rate Infinity/s must be a positive number")]
    [InlineData(-3, "rate -3/s must be a positive number")]
    public void Validate_AbsurdRate_SaysSo(double rate, string expected)
    {
        var problems = Validate(LoadPlan.Burst(Gateway, "/blog/", rate, 10), Caps);

        Assert.Equal([expected], problems);
    }

    [Fact]
    public void Validate_TargetNotAllowed_NamesAllowedTargets()
    {
        var problems = Validate(LoadPlan.Burst(new Uri("http://example.com/"), "/", 10, 10), Caps);

        Assert.Equal(["target http://example.com is not an allowed target (allowed: http://10.0.11.168:31304/)"], problems);
    }

    [Fact]
    public void Validate_ManyProblems_ListsEveryOne()
    {
        var plan = new LoadPlan
        {
            Target = Gateway,
            Path = "blog",
            Method = "BREW",
            Model = LoadModel.Open,
            Rate = 5000,
            Count = 0,
            Timeout = TimeSpan.Zero,
            MaxInFlight = 0,
            Expectation = new LoadExpectation(99, 700, 2),
        };

        var problems = Validate(plan, Caps);

        Assert.True(problems.Count == 8, string.Join("\n", problems));
        Assert.Contains(problems, p => p.StartsWith("path 'blog'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("method 'BREW'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("rate 5000/s exceeds", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("count 0 must be", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("timeout 0 ms", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("max in flight 0", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("expected status 99-700", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("expected share 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_RateTimesDurationOverCap_SaysSo()
    {
        var plan = new LoadPlan { Target = Gateway, Rate = 1000, Duration = TimeSpan.FromSeconds(10) };

        Assert.Equal(["rate × duration is 10000 requests, more than the cap of 5000"], Validate(plan, Caps));
    }

    [Fact]
    public void Validate_ContradictoryPacing_SaysSo()
    {
        var plan = new LoadPlan { Target = Gateway, Model = LoadModel.Closed, Rate = 10, Count = 5, Duration = TimeSpan.FromSeconds(1) };

        var problems = Validate(plan, Caps);

        Assert.Contains("a closed-model run sends as fast as responses return; it takes connections, not a rate", problems);
        Assert.Contains("give either a count or a duration, not both", problems);
    }

    [Fact]
    public void Validate_SequenceLongerThanMaxDuration_SaysSo()
    {
        var problems = Validate(LoadPlan.Sequence(Gateway, "/blog/", 500, TimeSpan.FromSeconds(1)), Caps);

        Assert.Equal(["500 requests 1000 ms apart take longer than the cap of 120 s"], problems);
    }

    [Fact]
    public void Validate_NoPlan_SaysSo() => Assert.Equal(["no load plan was given"], Validate(null, Caps));

    [Fact]
    public void Start_InvalidPlan_IsRefusedWithAMessageAndNoRun()
    {
        var engine = new HttpLoadEngine(Caps);

        var start = engine.Start(LoadPlan.Sequence(new Uri("http://example.com/"), "/", -1, TimeSpan.FromSeconds(-1)));

        Assert.False(start.Started);
        Assert.Null(start.Run);
        Assert.Equal(3, start.Problems.Count);
        Assert.StartsWith("Load plan refused: target http://example.com is not an allowed target", start.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:8080/", true)]
    [InlineData("http://127.0.0.1:8080/", true)]
    [InlineData("http://127.8.9.1/", true)]
    [InlineData("http://[::1]:5000/", true)]
    [InlineData("http://10.0.11.168:31304/", false)]
    [InlineData("ftp://127.0.0.1/", false)]
    public void IsLoopback_Target_OnlyLoopbackHttp(string target, bool expected) =>
        Assert.Equal(expected, LoadCaps.IsLoopback(new Uri(target)));

    [Fact]
    public void ForCommandLine_TypedTarget_AllowsThatOriginOnly()
    {
        var caps = LoadCaps.ForCommandLine(new Uri("http://10.0.11.168:31304/blog/"));

        Assert.True(caps.IsAllowed(new Uri("http://10.0.11.168:31304/")));
        Assert.False(caps.IsAllowed(new Uri("http://10.0.11.168:8080/")));
        Assert.False(caps.IsAllowed(new Uri("http://10.0.11.169:31304/")));
        Assert.True(LoadCaps.ForCommandLine(new Uri("http://127.0.0.1:9/x")).IsAllowed(new Uri("http://127.0.0.1:9/")));
    }

    [Fact]
    public void ForCommandLine_NotHttp_AllowsNothing() =>
        Assert.Empty(LoadCaps.ForCommandLine(new Uri("ftp://10.0.11.168/")).AllowedTargets);
}
