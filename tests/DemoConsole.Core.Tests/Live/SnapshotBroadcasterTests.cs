using DemoConsole.Core.Live;
using DemoConsole.Tests.Shared;

namespace DemoConsole.Core.Tests.Live;

public class SnapshotBroadcasterTests
{
    private sealed record Box(int Value);

    [Fact]
    public async Task SubscribeAsync_SlowReader_SkipsToTheNewestWithoutBlockingThePublisher()
    {
        var broadcaster = new SnapshotBroadcaster<Box>(new Box(0));
        using var cancel = new CancellationTokenSource();
        await using var reader = broadcaster.SubscribeAsync(cancel.Token).GetAsyncEnumerator();

        Assert.True(await reader.MoveNextAsync());
        Assert.Equal(0, reader.Current.Value);
        for (var i = 1; i <= 2_000; i++)
        {
            broadcaster.Publish(new Box(i));
        }

        Assert.True(await reader.MoveNextAsync());
        Assert.Equal(2_000, reader.Current.Value);
    }

    [Fact]
    public async Task SubscribeAsync_Cancelled_RemovesTheSubscriber()
    {
        var broadcaster = new SnapshotBroadcaster<Box>(new Box(0));
        using var cancel = new CancellationTokenSource();
        var reading = Task.Run(async () =>
        {
            await foreach (var _ in broadcaster.SubscribeAsync(cancel.Token))
            {
            }
        });
        await AsyncWait.UntilAsync(() => broadcaster.SubscriberCount == 1, "subscription");

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
        Assert.Equal(0, broadcaster.SubscriberCount);
    }
}
