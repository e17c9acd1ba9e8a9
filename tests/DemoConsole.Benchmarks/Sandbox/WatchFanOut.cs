using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using DemoConsole.Sandbox;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Store;
using DemoConsole.Sandbox.Tests.Support;

namespace DemoConsole.Benchmarks.Sandbox;

/// <summary>
/// 100 concurrent HTTP watchers of titanium-prod pods; one gateway pod is deleted and replaced. Every watcher must
/// receive every event; delivery latency is measured from the moment the store published the event.
/// </summary>
internal static class WatchFanOut
{
    public static async Task RunAsync(int watchers)
    {
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { ApiPort = 0, GatewayPort = 0, PrometheusPort = 0, TimeScale = 0.01 });
        var store = sandbox.Cluster.Store;
        var start = store.ResourceVersion;
        var published = new ConcurrentDictionary<long, long>();
        using var probe = store.Watch(ResourceTypes.Pods, "titanium-prod", start);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var recorder = Task.Run(async () =>
        {
            await foreach (var e in probe.Events.ReadAllAsync(cancel.Token))
            {
                published.TryAdd(e.Object.ResourceVersion, Stopwatch.GetTimestamp());
            }
        });

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue }) { BaseAddress = sandbox.KubernetesApi, Timeout = Timeout.InfiniteTimeSpan };
        var received = new ConcurrentBag<(int Watcher, long Version, long At)>();
        // Rings once per line any watcher reads (a missed ring is fine: the count is checked again at the next).
        var arrived = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        var connected = new CountdownEvent(watchers);
        var tasks = Enumerable.Range(0, watchers).Select(i => Task.Run(async () =>
        {
            using var response = await http.GetAsync(new Uri($"/api/v1/namespaces/titanium-prod/pods?watch=true&resourceVersion={start}", UriKind.Relative),
                HttpCompletionOption.ResponseHeadersRead, cancel.Token);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
            connected.Signal();
            try
            {
                while (await reader.ReadLineAsync(cancel.Token) is { } line)
                {
                    var at = Stopwatch.GetTimestamp();
                    using var doc = JsonDocument.Parse(line);
                    var version = long.Parse(doc.RootElement.GetProperty("object").GetProperty("metadata").GetProperty("resourceVersion").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                    received.Add((i, version, at));
                    arrived.Writer.TryWrite(true);
                }
            }
            catch (OperationCanceledException)
            {
                // End of the measurement.
            }
        })).ToList();
        connected.Wait(cancel.Token);

        var victim = store.List(ResourceTypes.Pods, "titanium-prod").Items.First(p => (string?)p.Metadata["labels"]?["app"] == "api-gateway");
        sandbox.Cluster.Pods.Delete("titanium-prod", victim.Name, null, dryRun: false);
        await StoreWait.UntilAsync(sandbox, s => s.Get(ResourceTypes.Pods, "titanium-prod", victim.Name) is null
            && s.List(ResourceTypes.Pods, "titanium-prod").Items.Count(p => (string?)p.Metadata["labels"]?["app"] == "api-gateway" && PodStatus.IsReady(p.Node)) == 2,
            "the deleted gateway pod to be replaced by a Ready one");

        // Let the last event reach every watcher (at most 10 s more), then stop.
        var expected = published.Count;
        using var settle = CancellationTokenSource.CreateLinkedTokenSource(cancel.Token);
        settle.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            while (received.Count < expected * watchers)
            {
                await arrived.Reader.ReadAsync(settle.Token);
            }
        }
        catch (OperationCanceledException) when (settle.IsCancellationRequested)
        {
            // Some watcher missed events: the figures below show which.
        }

        await cancel.CancelAsync();
        await Task.WhenAll(tasks.Append(recorder).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));

        var perWatcher = received.GroupBy(r => r.Watcher).Select(g => g.Count()).ToList();
        var latencies = received.Where(r => published.ContainsKey(r.Version))
            .Select(r => Stopwatch.GetElapsedTime(published[r.Version], r.At).TotalMilliseconds).ToList();
        Console.WriteLine($"watch fan-out: {watchers} watchers, {expected} events each expected; " +
                          $"complete watchers {perWatcher.Count(c => c == expected)}/{watchers}");
        Console.WriteLine($"  delivery latency: {Percentiles.Summary(latencies)}");
    }
}
