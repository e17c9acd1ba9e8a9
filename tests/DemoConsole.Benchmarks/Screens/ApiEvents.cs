using System.Collections.Concurrent;
using DemoConsole.Core.Cluster;
using DemoConsole.Sandbox.Store;
using k8s;
using k8s.Models;

namespace DemoConsole.Benchmarks.Screens;

/// <summary>One pod event as the bare KubernetesClient watcher received it: what the console's table should show after it.</summary>
internal sealed record ClientEvent(WatchEventType Type, string Pod, long ResourceVersion, string? State, bool Ready, double ArrivedAt);

/// <summary>
/// The API side of the measurement. An in-process reader of the sandbox store's pod events gives the time each event
/// was published by the API ("the event in the API"); a bare KubernetesClient list + watch in this process, over
/// loopback HTTP like the console's informer, gives the reference: what receiving the event costs without any UI.
/// Both are upper bounds of the publish time, so the API time of an event is the earlier of the two.
/// </summary>
internal sealed class ApiEvents : IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, double> _published = new();
    private readonly List<ClientEvent> _received = [];
    private readonly Dictionary<string, V1Pod> _pods = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly WatchSubscription _probe;
    private Thread? _probeReader;
    private int _stampedAtPublish;
    private int _stampedWhenRead;
    private Task _watcher = Task.CompletedTask;

    private ApiEvents(WatchSubscription probe) => _probe = probe;

    /// <summary>What the table showed before the first event: pod → "STATUS|READY".</summary>
    public IReadOnlyDictionary<string, string> Initial { get; private set; } = new Dictionary<string, string>();

    public static double Now() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    /// <summary>Display state the console's pods table shows for a pod: "STATUS|READY", as the page probe reads it.</summary>
    public static string StateOf(V1Pod pod)
    {
        var view = PodViews.From(pod);
        return $"{view.Status}|{view.Ready}";
    }

    public static async Task<ApiEvents> StartAsync(ResourceStore store, IKubernetes kube, string ns)
    {
        var events = new ApiEvents(store.Watch(ResourceTypes.Pods, ns, store.ResourceVersion));
        events._probeReader = new Thread(() => events.ReadProbe()) { IsBackground = true, Name = "store probe" };
        events._probeReader.Start();

        var list = await kube.CoreV1.ListNamespacedPodAsync(ns);
        lock (events._gate)
        {
            foreach (var pod in list.Items)
            {
                events._pods[pod.Metadata.Name] = pod;
            }
        }

        events.Initial = list.Items.ToDictionary(p => p.Metadata.Name, StateOf, StringComparer.Ordinal);

        events._watcher = Task.Run(async () =>
        {
            await foreach (var (type, pod) in kube.CoreV1.WatchListNamespacedPodAsync(ns, resourceVersion: list.Metadata.ResourceVersion, cancellationToken: events._stop.Token))
            {
                var at = Now();
                var deleted = type == WatchEventType.Deleted;
                var e = new ClientEvent(type, pod.Metadata.Name, long.Parse(pod.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture),
                    deleted ? null : StateOf(pod), !deleted && PodViews.From(pod).IsRunningAndReady, at);
                lock (events._gate)
                {
                    events._received.Add(e);
                    if (deleted)
                    {
                        events._pods.Remove(pod.Metadata.Name);
                    }
                    else
                    {
                        events._pods[pod.Metadata.Name] = pod;
                    }
                }
            }
        });
        return events;
    }

    /// <summary>
    /// Reads the store's events on its own thread through a synchronization context that stamps the time in
    /// <see cref="SynchronizationContext.Post"/>: the channel posts the waiting reader's continuation from the writer,
    /// that is from the store's publish, so the stamp is the publish time even when this thread or the thread pool
    /// gets a core tens of milliseconds later on two busy cores. Events found already queued get the time they were read.
    /// </summary>
    private void ReadProbe()
    {
        var context = new StampingContext();
        SynchronizationContext.SetSynchronizationContext(context);
        _ = ReadAsync();
        foreach (var (callback, state) in context.Queue.GetConsumingEnumerable())
        {
            callback(state);
        }

        async Task ReadAsync()
        {
            try
            {
                var reader = _probe.Events;
                while (true)
                {
                    var wait = reader.WaitToReadAsync(_stop.Token);
                    var woken = !wait.IsCompleted;
                    if (!await wait)
                    {
                        break;
                    }

                    var first = true;
                    while (reader.TryRead(out var e))
                    {
                        _published.TryAdd(e.Object.ResourceVersion, first && woken ? context.PostedAt : Now());
                        Interlocked.Increment(ref first && woken ? ref _stampedAtPublish : ref _stampedWhenRead);
                        first = false;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
            finally
            {
                context.Queue.CompleteAdding();
            }
        }
    }

    private sealed class StampingContext : SynchronizationContext
    {
        private double _postedAt;

        public BlockingCollection<(SendOrPostCallback Callback, object? State)> Queue { get; } = [];

        public double PostedAt => Volatile.Read(ref _postedAt);

        public override void Post(SendOrPostCallback d, object? state)
        {
            Volatile.Write(ref _postedAt, Now());
            Queue.Add((d, state));
        }
    }

    /// <summary>The pods as the watcher knows them now.</summary>
    public IReadOnlyList<V1Pod> Pods()
    {
        lock (_gate)
        {
            return [.. _pods.Values];
        }
    }

    public IReadOnlyList<ClientEvent> Received()
    {
        lock (_gate)
        {
            return [.. _received];
        }
    }

    /// <summary>Store events stamped in the publish itself, and those found already queued (stamped when read).</summary>
    public (int AtPublish, int WhenRead) Stamps => (Volatile.Read(ref _stampedAtPublish), Volatile.Read(ref _stampedWhenRead));

    public double? PublishedAt(long resourceVersion) => _published.TryGetValue(resourceVersion, out var at) ? at : null;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _probe.Dispose();
        _probeReader?.Join();
        await _watcher.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
