using DemoConsole.Core.Cluster;

namespace DemoConsole.Web.Hosting;

/// <summary>
/// Starts the cluster watchers once the console is up (after the sandbox, when there is one), so the first
/// page opened shows the cluster instead of "Reading the cluster…".
/// </summary>
public sealed class ClusterViewsWarmUp(IHostApplicationLifetime lifetime, IClusterViews views) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(views.Start);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
