using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DemoConsole.Core.Messages;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Web;
using Xunit.Abstractions;
using static DemoConsole.Web.Tests.Replicas.ReplicaApi;

namespace DemoConsole.Web.Tests.Replicas;

/// <summary>
/// Two console processes sharing one real Redis (<c>DemoConsole:Redis</c>), as two pods behind one Service: what a
/// presenter does on one is what the other shows, actions run on the leader wherever they were started, a killed
/// leader is replaced and its runs end as interrupted, and a restarted Redis is caught up with without a reload.
/// </summary>
public sealed class ReplicaProcessTests(ITestOutputHelper output) : ReplicaProcessTest(output)
{
    [Fact]
    public async Task PartMovedOnEither_TheOtherFollows_AndABurstStartedOnTheFollowerRunsOnTheLeader_LiveOnBoth()
    {
        var (leader, follower) = await StartPairAsync();

        await MoveAsync(leader, 3);
        await AsyncWait.UntilAsync(async () => await PartAsync(follower) == 3, "the follower to show part 3");
        await MoveAsync(follower, 4);
        await AsyncWait.UntilAsync(async () => await PartAsync(leader) == 4, "the leader to show part 4");

        await MeasurePropagationAsync(leader, follower);

        var runId = await RunAsync(follower, "traffic-burst");
        // Live: the follower sees the burst's figures grow while it runs (two different counts), then its end.
        var seen = new HashSet<long>();
        await AsyncWait.UntilAsync(async () =>
        {
            var run = await RunOnAsync(follower, runId);
            if (run.GetProperty("status").GetString() == "running" && run.GetProperty("result") is { ValueKind: JsonValueKind.Object } result)
            {
                seen.Add(result.GetProperty("sent").GetInt64());
            }

            return seen.Count >= 2 || run.GetProperty("status").GetString() != "running";
        }, "the follower to show the burst's progress");
        Assert.True(seen.Count >= 2, $"the follower saw the running burst's figures change (counts seen: {string.Join(", ", seen)})");
        await AsyncWait.UntilAsync(async () => (await RunOnAsync(follower, runId)).GetProperty("status").GetString() == "succeeded", "the burst to end on the follower's board");
        Assert.Equal("succeeded", (await RunOnAsync(leader, runId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task LeaderKilled_TheOtherTakesOver_AndTheRunItHadEndsAsInterrupted()
    {
        var (leader, follower) = await StartPairAsync();
        var runId = await RunAsync(follower, "background-traffic");
        await AsyncWait.UntilAsync(async () => (await RunOnAsync(follower, runId)).GetProperty("status").GetString() == "running", "the follower to show the run");

        leader.KillHard();
        var killed = Stopwatch.StartNew();
        await AsyncWait.UntilAsync(async () => (await ReplicaAsync(follower)).GetProperty("leads").GetBoolean(), "the follower to lead");
        var leads = killed.Elapsed;
        await AsyncWait.UntilAsync(async () => (await RunOnAsync(follower, runId)).GetProperty("status").GetString() != "running", "the run to end on the new leader's board");
        Output.WriteLine($"fail-over after kill -9 of the leader: the other replica leads after {leads.TotalSeconds:F1} s, shows the run interrupted after {killed.Elapsed.TotalSeconds:F1} s");

        var run = await RunOnAsync(follower, runId);
        Assert.Equal("failed", run.GetProperty("status").GetString());
        // The API speaks the console's language: Korean with the built-in scenario.
        Assert.Equal(new UiMessage("Actions_Interrupted").Format(CultureInfo.GetCultureInfo("ko-KR")), run.GetProperty("message").GetString());
        // The new leader runs actions itself, the interrupted one included.
        var again = await RunAsync(follower, "background-traffic");
        await AsyncWait.UntilAsync(async () => (await RunOnAsync(follower, again)).GetProperty("status").GetString() == "running", "the new leader to run it");
    }

    [Fact]
    public async Task RedisRestartedUnderThem_BothCatchUpWithoutAReload()
    {
        var (first, second) = await StartPairAsync();
        await MoveAsync(first, 2);
        await AsyncWait.UntilAsync(async () => await PartAsync(second) == 2, "the second to show part 2");

        Redis.Kill();
        await AsyncWait.UntilAsync(async () => !(await ReplicaAsync(second)).GetProperty("redisConnected").GetBoolean(), "the second to notice Redis is gone");
        // Each keeps serving: a presenter still moves on, on the replica it is connected to.
        await MoveAsync(first, 5);
        Assert.Equal(2, await PartAsync(second));

        await Redis.StartAgainAsync();
        await AsyncWait.UntilAsync(async () => await PartAsync(second) == 5, "the second to catch up with part 5 once Redis is back");
        await AsyncWait.UntilAsync(async () => (await ReplicaAsync(first)).GetProperty("leads").GetBoolean() != (await ReplicaAsync(second)).GetProperty("leads").GetBoolean(),
            "exactly one replica to lead again");
        await MoveAsync(second, 6);
        await AsyncWait.UntilAsync(async () => await PartAsync(first) == 6, "the first to follow part 6");
    }

    [Fact]
    public async Task SignInCookieFromOneReplica_IsAcceptedByTheOther()
    {
        var (first, second) = await StartPairAsync();

        var cookie = await CookieSignIn.SignInAsync(first.Address, ConsoleProcess.PresenterKey);

        Assert.Equal(HttpStatusCode.OK, await CookieSignIn.PresenterPageAsync(second.Address, cookie));
    }

    [Fact]
    public async Task StartedWhileRedisIsDown_NotReadyUntilItIsReached_ThenServesTheSignIn()
    {
        Redis.Kill();
        var console = await StartAsync();
        using var http = new HttpClient { BaseAddress = console.Address };

        using (var notReady = await http.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            Assert.Contains("shared-state: Unhealthy", await notReady.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await Redis.StartAgainAsync();
        await AsyncWait.UntilAsync(async () => (await http.GetAsync("/health/ready")).IsSuccessStatusCode, "the replica to be ready once Redis answers");
        await AsyncWait.UntilAsync(async () => (await http.GetAsync("/signin")).IsSuccessStatusCode, "the sign-in page once the keys can be read");
    }

    /// <summary>
    /// Prints (asserts nothing about time) how long a part move on one replica takes to show in the other's session:
    /// the API's answer to the follower's session read, polled back to back, over twenty moves.
    /// </summary>
    private async Task MeasurePropagationAsync(ConsoleProcess from, ConsoleProcess to)
    {
        var took = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var part = 1 + (i % 5);
            var moved = Stopwatch.StartNew();
            await MoveAsync(from, part);
            while (await PartAsync(to) != part)
            {
            }

            took.Add(moved.Elapsed.TotalMilliseconds);
        }

        took.Sort();
        Output.WriteLine($"part move on one replica -> shown by the other (20 moves, incl. the POST): p50 {took[9]:F1} ms, p95 {took[18]:F1} ms, max {took[19]:F1} ms");
    }

    /// <summary>The first started leads (it waits for that), the second follows it.</summary>
    private async Task<(ConsoleProcess Leader, ConsoleProcess Follower)> StartPairAsync()
    {
        var leader = await StartAsync();
        await AsyncWait.UntilAsync(async () => (await ReplicaAsync(leader)).GetProperty("leads").GetBoolean(), "the first replica to lead");
        var follower = await StartAsync();
        var leaderName = (await ReplicaAsync(leader)).GetProperty("replica").GetString();
        await AsyncWait.UntilAsync(async () => (await ReplicaAsync(follower)).GetProperty("leader").GetString() == leaderName, "the second replica to see the leader");
        return (leader, follower);
    }

    private async Task<ConsoleProcess> StartAsync()
    {
        var console = await ConsoleProcess.StartAsync([], Redis.ReplicaSettings());
        Consoles.Add(console);
        return console;
    }
}
