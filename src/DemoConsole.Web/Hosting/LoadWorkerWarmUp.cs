using DemoConsole.Core.Load.Worker;

namespace DemoConsole.Web.Hosting;

/// <summary>
/// Once the console has started, compiles what reading a load worker's snapshots needs (see
/// <see cref="LoadWorkerProtocol.WarmUp"/>), on a pool thread, so a presenter's first burst does not pay for it.
/// </summary>
internal sealed class LoadWorkerWarmUp(IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => ThreadPool.QueueUserWorkItem(_ => LoadWorkerProtocol.WarmUp()));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
