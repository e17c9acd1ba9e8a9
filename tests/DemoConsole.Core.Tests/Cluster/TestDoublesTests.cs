using DemoConsole.Core.Cluster;
using DemoConsole.Tests.Shared;

namespace DemoConsole.Core.Tests.Cluster;

/// <summary>The shared doubles the UI tests use behave like the services they stand for.</summary>
public sealed class TestDoublesTests
{
    [Fact]
    public async Task Publish_Subscriber_SeesCurrentThenChangeAndLeavesOnCancel()
    {
        var views = new TestClusterViews();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var reader = views.WatchAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        Assert.True(await reader.MoveNextAsync());
        Assert.True(reader.Current.Connection.IsConnected);

        views.Publish(s => s with { ReplicaCheck = s.ReplicaCheck with { Passed = true } });

        Assert.True(await reader.MoveNextAsync());
        Assert.True(reader.Current.ReplicaCheck.Passed);
        Assert.Equal(1, reader.Current.Version);
        Assert.Equal(1, views.Subscribers);
        await reader.DisposeAsync();
        Assert.Equal(0, views.Subscribers);
    }

    [Fact]
    public async Task Append_Follower_SeesLinesAndRequestIsRecorded()
    {
        var tail = new TestLogTail();
        var request = new LogTailRequest("titanium-prod", "app=api-gateway", "api-gateway-container", Filter: "404");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var reader = tail.FollowAsync(request, cts.Token).GetAsyncEnumerator(cts.Token);
        Assert.True(await reader.MoveNextAsync());

        tail.Append(("gw-1", "WARN  \"GET /x HTTP/1.1\" 404"));

        Assert.True(await reader.MoveNextAsync());
        Assert.Equal(["gw-1"], reader.Current.Pods);
        Assert.Single(reader.Current.Lines);
        Assert.Equal(request, Assert.Single(tail.Requests));
    }
}
