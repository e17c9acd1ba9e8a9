using System.Text.Json;
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
    public async Task RunAsync_RemoteTarget_ExitsTwoWithoutSending()
    {
        Assert.Equal(2, await RunAsync("http://10.0.11.168:31304/blog/", "--count", "1"));

        Assert.Contains("burst only sends load to loopback targets (localhost, 127.0.0.1, [::1]); 10.0.11.168 is not one", _stderr.ToString(), StringComparison.Ordinal);
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
    public async Task RunAsync_RemoteTargetAndBadPlan_ListsBothKindsOfProblem()
    {
        Assert.Equal(2, await RunAsync("http://example.com/", "--rate", "0", "--duration", "10"));

        var errors = _stderr.ToString();
        Assert.Contains("burst: --duration '10' is not a duration", errors, StringComparison.Ordinal);
        Assert.Contains("burst: burst only sends load to loopback targets", errors, StringComparison.Ordinal);
        Assert.Contains("burst: rate 0/s must be a positive number", errors, StringComparison.Ordinal);
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
