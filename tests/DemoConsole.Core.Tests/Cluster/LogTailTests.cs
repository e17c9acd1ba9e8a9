using DemoConsole.Core.Cluster;
using DemoConsole.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace DemoConsole.Core.Tests.Cluster;

public sealed class LogTailTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The runbook's part 5: kubectl logs -l app.kubernetes.io/name=titanium,app=api-gateway -c api-gateway-container --tail=20 | grep -E "404|405|ERROR".</summary>
    private static readonly LogTailRequest Seed = new("titanium-prod", "app.kubernetes.io/name=titanium,app=api-gateway", "api-gateway-container", 20, "404|405|ERROR");

    [Fact]
    public async Task FollowAsync_GatewayRequests_ShowsOnlyMatchingAccessLinesFromBothPods()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        var tail = new LogTail(sandbox.Connection, TimeProvider.System, NullLoggerFactory.Instance);
        using var gateway = new HttpClient { BaseAddress = sandbox.Host.Gateway };
        using var following = new CancellationTokenSource(Timeout);
        var snapshots = tail.FollowAsync(Seed, following.Token);
        await using var reader = snapshots.GetAsyncEnumerator(following.Token);

        await NextAsync(reader, s => s.Pods.Count == 2, "both gateway pods followed");
        using (await gateway.GetAsync("/blog/"))
        {
        }

        for (var i = 0; i < 4; i++)
        {
            using var response = await gateway.GetAsync("/nonexistent-endpoint");
            Assert.Equal(404, (int)response.StatusCode);
        }

        var seen = await NextAsync(reader, s => s.Lines.Count(l => l.Text.Contains("\"GET /nonexistent-endpoint HTTP/1.1\" 404", StringComparison.Ordinal)) == 4,
            "four 404 lines");
        Assert.DoesNotContain(seen.Lines, l => l.Text.Contains("/blog/", StringComparison.Ordinal));
        Assert.True(seen.LinesRead > seen.LinesMatched, $"read {seen.LinesRead}, matched {seen.LinesMatched}");
        Assert.All(seen.Lines, l => Assert.StartsWith("prod-api-gateway-deployment-", l.Pod, StringComparison.Ordinal));
        Assert.Equal(ConnectionState.Connected, seen.Connection.State);
        Assert.Null(seen.Problem);
    }

    [Fact]
    public async Task FollowAsync_PodCreatedLater_IsFollowedFromItsFirstLine()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        var tail = new LogTail(sandbox.Connection, TimeProvider.System, NullLoggerFactory.Instance);
        using var following = new CancellationTokenSource(Timeout);
        await using var reader = tail.FollowAsync(Seed with { Filter = null, TailLines = 0 }, following.Token).GetAsyncEnumerator(following.Token);
        var before = await NextAsync(reader, s => s.Pods.Count == 2, "both gateway pods followed");
        Assert.Empty(before.Lines);

        await ClusterViewsTests.ScaleAsync(sandbox, "prod-api-gateway-deployment", 3);

        var after = await NextAsync(reader, s => s.Pods.Count == 3 && s.Lines.Any(l => !before.Pods.Contains(l.Pod) && l.Text.Contains("Starting api-gateway", StringComparison.Ordinal)),
            "the new pod's start-up lines");
        Assert.Single(after.Pods.Except(before.Pods));
    }

    [Fact]
    public async Task FollowAsync_BufferSmallerThanOutput_KeepsNewestLines()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        var tail = new LogTail(sandbox.Connection, TimeProvider.System, NullLoggerFactory.Instance);
        using var gateway = new HttpClient { BaseAddress = sandbox.Host.Gateway };
        using var following = new CancellationTokenSource(Timeout);
        await using var reader = tail.FollowAsync(Seed with { BufferSize = 3 }, following.Token).GetAsyncEnumerator(following.Token);
        await NextAsync(reader, s => s.Pods.Count == 2, "both gateway pods followed");

        for (var i = 0; i < 6; i++)
        {
            using var response = await gateway.GetAsync($"/missing-{i}");
        }

        var seen = await NextAsync(reader, s => s.LinesMatched >= 6 && s.Lines.Any(l => l.Text.Contains("/missing-5 ", StringComparison.Ordinal)), "all six 404s");
        Assert.Equal(3, seen.Lines.Count);
        Assert.DoesNotContain(seen.Lines, l => l.Text.Contains("/missing-0 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FollowAsync_InvalidFilter_ReportsProblemWithoutThrowing()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        var tail = new LogTail(sandbox.Connection, TimeProvider.System, NullLoggerFactory.Instance);

        var snapshot = await AsyncWait.ForAsync(ct => tail.FollowAsync(Seed with { Filter = "404|(" }, ct), s => s.Problem is not null, "the problem", Timeout);

        Assert.Contains("not a valid regular expression", snapshot.Problem?.ToString(), StringComparison.Ordinal);
        Assert.Empty(snapshot.Pods);
    }

    [Fact]
    public async Task FollowAsync_Cancelled_EndsPromptly()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        var tail = new LogTail(sandbox.Connection, TimeProvider.System, NullLoggerFactory.Instance);
        using var following = new CancellationTokenSource();
        var reading = Task.Run(async () =>
        {
            var last = default(LogTailSnapshot);
            try
            {
                await foreach (var s in tail.FollowAsync(Seed, following.Token))
                {
                    last = s;
                }
            }
            catch (OperationCanceledException) when (following.IsCancellationRequested)
            {
            }

            return last;
        });
        await AsyncWait.UntilAsync(() => LogRequests(sandbox) == 2, "two log follows", Timeout);

        await following.CancelAsync();

        var last = await reading.WaitAsync(Timeout);
        Assert.NotNull(last);
        Assert.Equal(2, last.Pods.Count);
        Assert.Equal(0, tail.ActiveSessions);
    }

    [Fact]
    public async Task FollowAsync_TwoReadersOfSameRequest_ShareOneSessionUntilBothStop()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        var tail = new LogTail(sandbox.Connection, TimeProvider.System, NullLoggerFactory.Instance);
        using var first = new CancellationTokenSource(Timeout);
        using var second = new CancellationTokenSource(Timeout);
        await using var presenter = tail.FollowAsync(Seed, first.Token).GetAsyncEnumerator(first.Token);
        await using var audience = tail.FollowAsync(Seed, second.Token).GetAsyncEnumerator(second.Token);

        await NextAsync(presenter, s => s.Pods.Count == 2, "the presenter's tail");
        await NextAsync(audience, s => s.Pods.Count == 2, "the audience's tail");

        Assert.Equal(1, tail.ActiveSessions);
        await AsyncWait.UntilAsync(() => LogRequests(sandbox) >= 2, "the two gateway pods' log follows", Timeout);
        using var gateway = new HttpClient { BaseAddress = sandbox.Host.Gateway };
        using (await gateway.GetAsync("/shared-404"))
        {
        }

        await NextAsync(presenter, s => s.Lines.Any(l => l.Text.Contains("/shared-404", StringComparison.Ordinal)), "the presenter's 404 line");
        await NextAsync(audience, s => s.Lines.Any(l => l.Text.Contains("/shared-404", StringComparison.Ordinal)), "the audience's 404 line");
        Assert.Equal(2, LogRequests(sandbox));
        await presenter.DisposeAsync();
        Assert.Equal(1, tail.ActiveSessions);
        await audience.DisposeAsync();
        Assert.Equal(0, tail.ActiveSessions);
    }

    private static int LogRequests(ClusterSandbox sandbox) => sandbox.Host.Journal.Requests.Count(r => r.Path.EndsWith("/log", StringComparison.Ordinal));

    private static async Task<LogTailSnapshot> NextAsync(IAsyncEnumerator<LogTailSnapshot> reader, Func<LogTailSnapshot, bool> done, string what)
    {
        var last = default(LogTailSnapshot);
        while (await reader.MoveNextAsync())
        {
            last = reader.Current;
            if (done(last))
            {
                return last;
            }
        }

        throw new TimeoutException($"The tail ended before {what}; last: {last}");
    }
}
