using k8s;
using k8s.Models;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>
/// Watches the pods of a killed pod's workload until the replacement is Ready. Lists before the delete (so the
/// pods that existed are known and the watch starts from that resource version, missing nothing), and when
/// the stream drops or the version is gone, lists again and carries on from there.
/// </summary>
internal sealed class RecoveryWatch
{
    private static readonly TimeSpan Reconnect = TimeSpan.FromMilliseconds(200);

    private readonly IKubernetes _client;
    private readonly PodKillPlan _plan;
    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private readonly RecoveryTracker _tracker;
    private readonly Lock _gate = new();
    private string _resourceVersion;

    private RecoveryWatch(IKubernetes client, PodKillPlan plan, TimeProvider time, TimeSpan window, V1PodList pods)
    {
        _client = client;
        _plan = plan;
        _time = time;
        _window = window;
        _tracker = new RecoveryTracker(plan, pods.Items.Select(p => p.Metadata.Uid));
        _resourceVersion = pods.Metadata.ResourceVersion;
    }

    /// <summary>Raised after each change of the timeline, on the watch loop.</summary>
    public event Action? Changed;

    public static async Task<RecoveryWatch> PrepareAsync(IKubernetes client, PodKillPlan plan, TimeProvider time, TimeSpan window, CancellationToken cancellationToken)
    {
        var pods = await client.CoreV1.ListNamespacedPodAsync(plan.Namespace, labelSelector: plan.Selector, cancellationToken: cancellationToken);
        return new RecoveryWatch(client, plan, time, window, pods);
    }

    public void MarkDeleteRequested()
    {
        lock (_gate)
        {
            _tracker.MarkDeleteRequested(_time.GetUtcNow());
        }

        Changed?.Invoke();
    }

    public RecoveryTimeline Snapshot(AvailabilityCounts availability, bool ended)
    {
        lock (_gate)
        {
            return _tracker.Snapshot(availability, ended);
        }
    }

    /// <summary>Returns once the replacement is Ready; throws <see cref="OperationCanceledException"/> when cancelled first.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            // Both ends bound the stream: the server's timeoutSeconds closes it cleanly, the local window catches a
            // connection that died without a word.
            using var window = new CancellationTokenSource(_window, _time);
            using var stream = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, window.Token);
            try
            {
                await foreach (var (type, pod) in _client.CoreV1.WatchListNamespacedPodAsync(_plan.Namespace, labelSelector: _plan.Selector,
                                   resourceVersion: _resourceVersion, timeoutSeconds: (int)Math.Ceiling(_window.TotalSeconds), cancellationToken: stream.Token))
                {
                    _resourceVersion = pod.Metadata.ResourceVersion ?? _resourceVersion;
                    if (Observe(type, pod))
                    {
                        return;
                    }
                }
            }
            catch (OperationCanceledException) when (window.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // The window ended: list again at once, so no step is seen late.
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // A dropped stream, an API restart or 410 Gone: list again after a short pause, not in a tight loop.
                await Task.Delay(Reconnect, _time, cancellationToken);
            }

            if (await RelistAsync(cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>Catches up from a fresh list: current pods as modifications; the killed pod missing means it is gone.</summary>
    private async Task<bool> RelistAsync(CancellationToken cancellationToken)
    {
        V1PodList pods;
        try
        {
            pods = await _client.CoreV1.ListNamespacedPodAsync(_plan.Namespace, labelSelector: _plan.Selector, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        _resourceVersion = pods.Metadata.ResourceVersion;
        if (pods.Items.All(p => p.Metadata.Uid != _plan.PodUid))
        {
            Observe(WatchEventType.Deleted, new V1Pod { Metadata = new V1ObjectMeta { Uid = _plan.PodUid, Name = _plan.Pod } });
        }

        return pods.Items.Select(p => Observe(WatchEventType.Modified, p)).ToList().Any(recovered => recovered);
    }

    /// <summary>True once recovered.</summary>
    private bool Observe(WatchEventType type, V1Pod pod)
    {
        if (type is not (WatchEventType.Added or WatchEventType.Modified or WatchEventType.Deleted))
        {
            return false;
        }

        bool changed, recovered;
        lock (_gate)
        {
            changed = _tracker.Observe(type, pod, _time.GetUtcNow());
            recovered = _tracker.IsRecovered;
        }

        if (changed)
        {
            Changed?.Invoke();
        }

        return recovered;
    }
}
