using System.Globalization;
using DemoConsole.Sandbox.Api.Tables;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Gateway;

/// <summary>
/// Plays the load-generator deployment's script once it is applied: every 10 s (scaled) each Ready
/// load-generator pod sends GET /blog/ through the gateway and prints the status, like its curl loop does.
/// The traffic is real gateway traffic, so it shows in the access log and the Istio metrics.
/// </summary>
internal sealed class LoadGeneratorSimulator(Cluster cluster, DemoGateway gateway) : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Floor = TimeSpan.FromMilliseconds(20);
    private Task? _loop;

    public void Start() => _loop = Task.Run(RunAsync);

    public async ValueTask DisposeAsync()
    {
        if (_loop is not null)
        {
            await _loop;
        }
    }

    private async Task RunAsync()
    {
        var period = cluster.Scaled(Interval);
        using var timer = new PeriodicTimer(period < Floor ? Floor : period, cluster.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(cluster.Stopping))
            {
                await TickAsync();
            }
        }
        catch (OperationCanceledException)
        {
            // The sandbox stopped.
        }
    }

    private async Task TickAsync()
    {
        var generators = cluster.Store.List(ResourceTypes.Pods, "titanium-prod").Items
            .Where(p => (string?)p.Metadata["labels"]?["app"] == "load-generator" && PodStatus.IsReady(p.Node));
        foreach (var pod in generators)
        {
            var response = await gateway.HandleAsync("GET", "/blog/", Cells.Text(pod.Node["status"]?["podIP"]), "curl/8.11.1", cluster.Stopping);
            var container = PodStatus.Containers(pod.Node).Select(c => Cells.Text(c["name"])).First();
            var line = string.Create(CultureInfo.InvariantCulture, $"{Rfc3339.Format(cluster.Now)} GET /blog/ -> HTTP {response.Status}");
            cluster.Logs.Find(pod.Uid, container)?.Append(cluster.Now, line);
        }
    }
}
