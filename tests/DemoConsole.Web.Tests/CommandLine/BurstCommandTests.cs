using System.Text.Json;
using DemoConsole.Core.Load;
using DemoConsole.Tests.Shared;
using DemoConsole.Web.CommandLine;

namespace DemoConsole.Web.Tests.CommandLine;

/// <summary><c>burst</c> in process, against its own Kestrel target on a loopback port.</summary>
public sealed class BurstCommandTests : IAsyncLifetime, IDisposable
{
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    private KestrelLoadTarget Target { get; set; } = null!;

    public async Task InitializeAsync() => Target = await KestrelLoadTarget.StartAsync();

    async Task IAsyncLifetime.DisposeAsync() => await Target.DisposeAsync();

    private Task<int> RunAsync(params string[] args) => RunAsync(args, CancellationToken.None);

    private Task<int> RunAsync(string[] args, CancellationToken cancellationToken) =>
        BurstCommand.RunAsync(args, _stdout, _stderr, cancellationToken).WaitAsync(AsyncWait.DefaultTimeout, CancellationToken.None);

    public void Dispose()
    {
        _stdout.Dispose();
        _stderr.Dispose();
    }

    private string Url(string path) => new Uri(Target.BaseAddress, path).ToString();

    [Fact]
    public async Task RunAsync_NoArguments_ExitsTwoWithUsage()
    {
        Assert.Equal(2, await RunAsync());

        Assert.Contains("burst: a target url is required", _stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("usage: DemoConsole burst <url>", _stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, _stdout.ToString());
    }

    [Fact]
    public async Task RunAsync_Help_ExitsZeroWithUsage()
    {
        Assert.Equal(0, await RunAsync("--help"));

        Assert.StartsWith("usage: DemoConsole burst", _stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GatewayOnAPrivateAddress_IsAcceptedWithTheCommandLineCaps()
    {
        // Parsed and validated only: tests send load to loopback alone, so nothing is started here.
        var problems = new List<string>();
        var options = BurstArguments.Parse(["http://10.0.11.168:31304/blog/", "--connections", "50", "--duration", "5s"], problems);

        Assert.Empty(problems);
        var plan = options!.ToPlan();
        var caps = LoadCaps.ForCommandLine(options.Url);
        Assert.Empty(LoadPlanValidator.Validate(plan, caps));
        Assert.Equal(new Uri("http://10.0.11.168:31304/"), plan.Target);
        Assert.Equal("/blog/", plan.Path);
    }

    [Fact]
    public void Parse_GatewayOverTheCaps_IsRefusedByTheSameCaps()
    {
        var problems = new List<string>();
        var options = BurstArguments.Parse(["http://10.0.11.168:31304/blog/", "--rate", "1e9", "--duration", "2h"], problems);

        var refused = LoadPlanValidator.Validate(options!.ToPlan(), LoadCaps.ForCommandLine(options.Url));

        Assert.Contains(refused, p => p.ToString().StartsWith("rate 1000000000/s exceeds the cap of 50000/s", StringComparison.Ordinal));
        Assert.Contains(refused, p => p.ToString().Contains("duration", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_SeveralBadOptions_ListsEveryProblem()
    {
        Assert.Equal(2, await RunAsync(Url("/blog/"), "--duration", "10", "--rate", "fast", "--connections", "3", "--bogus"));

        var errors = _stderr.ToString();
        Assert.Contains("burst: --duration '10' is not a duration; write it with a unit, like 10s or 500ms", errors, StringComparison.Ordinal);
        Assert.Contains("burst: --rate 'fast' is not a number", errors, StringComparison.Ordinal);
        Assert.Contains("burst: unknown option --bogus", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NotHttpAndBadPlan_ListsBothKindsOfProblem()
    {
        Assert.Equal(2, await RunAsync("ftp://127.0.0.1/", "--rate", "0", "--duration", "10"));

        var errors = _stderr.ToString();
        Assert.Contains("burst: --duration '10' is not a duration", errors, StringComparison.Ordinal);
        Assert.Contains("burst: 'ftp://127.0.0.1/' is not an absolute http or https url", errors, StringComparison.Ordinal);
        Assert.Equal(0, Target.RequestCount);
    }

    [Fact]
    public async Task RunAsync_RateAndConnections_ExitsTwo()
    {
        Assert.Equal(2, await RunAsync(Url("/blog/"), "--rate", "10", "--connections", "3"));

        Assert.Contains("give only one of --rate (open model), --connections (closed model) and --interval", _stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, Target.RequestCount);
    }

    [Fact]
    public async Task RunAsync_AbsurdRateAndNegativeCount_RefusedByTheCaps()
    {
        Assert.Equal(2, await RunAsync(Url("/blog/"), "--rate", "1e9", "--count", "-4"));

        Assert.Contains("burst: rate 1000000000/s exceeds the cap of 50000/s", _stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("burst: count -4 must be between 1", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ClosedBurst_PrintsHeyLikeSummary()
    {
        Assert.Equal(0, await RunAsync(Url("/blog/"), "--connections", "2", "--count", "20"));

        var output = _stdout.ToString();
        Assert.Contains("Summary:", output, StringComparison.Ordinal);
        Assert.Contains("  Target:       GET " + Url("/blog/"), output, StringComparison.Ordinal);
        Assert.Contains("Requests/sec:", output, StringComparison.Ordinal);
        Assert.Contains("  99% in ", output, StringComparison.Ordinal);
        Assert.Contains("Requests: sent 20, completed 20, responses 20, errors 0, dropped 0, aborted 0", output, StringComparison.Ordinal);
        Assert.Contains("  [200]\t20 responses", output, StringComparison.Ordinal);
        Assert.Equal(20, Target.RequestCount);
    }

    [Fact]
    public async Task RunAsync_DeleteSequence_PrintsEachRequestAndPassesExpectation()
    {
        Assert.Equal(0, await RunAsync(Url("/blog/"), "--interval", "1ms", "--count", "10", "--method", "DELETE", "--expect", "405"));

        var lines = _stdout.ToString().Split('\n');
        Assert.Equal(10, lines.Count(l => l.StartsWith("Request ", StringComparison.Ordinal) && l.Contains(": HTTP 405, ", StringComparison.Ordinal)));
        Assert.Contains("Expectation: ≥ 95% of responses are 405: 100% (10/10) — pass", _stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ExpectationFails_ExitsOne()
    {
        Assert.Equal(1, await RunAsync(Url("/nonexistent-endpoint"), "--rate", "200", "--count", "5", "--expect", "2xx:99"));

        Assert.Contains("Expectation: ≥ 99% of responses are 2xx: 0% (0/5) — fail", _stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NothingListening_ExitsOneWithErrorDistribution()
    {
        var refused = KestrelLoadTarget.UnusedLoopbackAddress();

        Assert.Equal(1, await RunAsync(refused.ToString(), "--connections", "1", "--count", "2"));

        Assert.Contains("  [2]\tconnection refused", _stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Json_PrintsParsableFigures()
    {
        Assert.Equal(0, await RunAsync(Url("/nonexistent-endpoint"), "--rate", "500", "--count", "10", "--json", "--expect", "404"));

        using var json = JsonDocument.Parse(_stdout.ToString());
        var root = json.RootElement;
        Assert.Equal("open", root.GetProperty("model").GetString());
        Assert.Equal(Url("/nonexistent-endpoint"), root.GetProperty("target").GetString());
        Assert.Equal("completed", root.GetProperty("state").GetString());
        Assert.Equal(10, root.GetProperty("statusCodes").GetProperty("404").GetInt64());
        Assert.Equal(10, root.GetProperty("latencyMs").GetProperty("count").GetInt64());
        Assert.True(root.GetProperty("expectationPassed").GetBoolean());
    }

    [Fact]
    public async Task RunAsync_CancelledWhileStalled_StopsAndStillPrintsFigures()
    {
        using var cancellation = new CancellationTokenSource();
        var running = RunAsync([Url("/stall"), "--connections", "2", "--count", "4", "--timeout", "5m"], cancellation.Token);
        await AsyncWait.UntilAsync(() => Target.StalledCount == 2, "the target holds both connections' requests");

        await cancellation.CancelAsync();

        Assert.Equal(1, await running);
        Assert.Contains("  State:        stopped", _stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("aborted 2", _stdout.ToString(), StringComparison.Ordinal);
    }
}
