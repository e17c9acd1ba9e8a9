using DemoConsole.Tests.Shared;
using DemoConsole.Web.Hosting;
using Microsoft.Extensions.Hosting;

namespace DemoConsole.Web.Tests.Hosting;

public sealed class ClusterViewsWarmUpTests
{
    [Fact]
    public async Task StartAsync_ApplicationStarted_StartsTheViewsOnce()
    {
        var views = new TestClusterViews();
        var lifetime = new TestLifetime();
        var warmUp = new ClusterViewsWarmUp(lifetime, views);

        await warmUp.StartAsync(CancellationToken.None);
        Assert.Equal(0, views.Starts);
        await lifetime.StartedSource.CancelAsync();

        Assert.Equal(1, views.Starts);
        lifetime.Dispose();
    }

    private sealed class TestLifetime : IHostApplicationLifetime, IDisposable
    {
        public CancellationTokenSource StartedSource { get; } = new();

        public CancellationToken ApplicationStarted => StartedSource.Token;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }

        public void Dispose() => StartedSource.Dispose();
    }
}
