using k8s;
using k8s.Models;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>
/// Turns the pod watch events of one kill into its timeline. Times are when the console saw each step (the
/// API's own timestamps have one-second resolution, too coarse for a recovery measured in seconds).
/// Not thread-safe: one watch loop feeds it; snapshots are immutable.
/// </summary>
internal sealed class RecoveryTracker
{
    internal const string DeleteRequested = "delete-requested";
    internal const string Terminating = "terminating";
    internal const string ReplacementCreated = "replacement-created";
    internal const string Scheduled = "scheduled";
    internal const string ContainersRunning = "containers-running";
    internal const string Ready = "ready";

    private static readonly (string Key, string Label)[] StepNames =
    [
        (DeleteRequested, "Delete requested"),
        (Terminating, "Terminating"),
        (ReplacementCreated, "Replacement created"),
        (Scheduled, "Scheduled"),
        (ContainersRunning, "Containers running"),
        (Ready, "Ready"),
    ];

    private readonly PodKillPlan _plan;
    private readonly HashSet<string> _existing;
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private string? _replacementUid;
    private string? _replacementName;
    private string? _replacementNode;

    /// <param name="plan">The kill.</param>
    /// <param name="existingUids">Pods of the workload listed before the delete: anything else is a replacement.</param>
    public RecoveryTracker(PodKillPlan plan, IEnumerable<string> existingUids)
    {
        _plan = plan;
        _existing = new HashSet<string>(existingUids, StringComparer.Ordinal);
    }

    public DateTimeOffset? DeleteRequestedAt => _seen.TryGetValue(DeleteRequested, out var t) ? t : null;

    public bool IsRecovered => _seen.ContainsKey(Ready);

    public void MarkDeleteRequested(DateTimeOffset at) => _seen.TryAdd(DeleteRequested, at);

    /// <summary>Applies one watch event (or a re-listed pod as Modified); true when the timeline changed.</summary>
    public bool Observe(WatchEventType type, V1Pod pod, DateTimeOffset now)
    {
        var before = _seen.Count;
        var uid = pod.Metadata.Uid;
        if (uid == _plan.PodUid)
        {
            if (type == WatchEventType.Deleted || PodFacts.IsTerminating(pod))
            {
                Mark(Terminating, now);
            }

            return _seen.Count != before;
        }

        // The first new pod after the delete request is the replacement; earlier strangers (a rollout in
        // progress) are ignored so that the timeline measures this kill.
        if (type == WatchEventType.Deleted || _existing.Contains(uid) || DeleteRequestedAt is null || PodFacts.IsTerminating(pod))
        {
            return false;
        }

        _replacementUid ??= uid;
        if (uid != _replacementUid)
        {
            return false;
        }

        var nodeChanged = pod.Spec?.NodeName is { } node && node != _replacementNode;
        _replacementName = pod.Metadata.Name;
        _replacementNode = pod.Spec?.NodeName ?? _replacementNode;
        Mark(ReplacementCreated, now);
        if (PodFacts.IsScheduled(pod))
        {
            Mark(Scheduled, now);
        }

        if (PodFacts.ContainersRunning(pod))
        {
            Mark(ContainersRunning, now);
        }

        if (PodFacts.IsReady(pod))
        {
            Mark(Ready, now);
        }

        return _seen.Count != before || nodeChanged;
    }

    public RecoveryTimeline Snapshot(AvailabilityCounts availability, bool ended)
    {
        var start = DeleteRequestedAt;
        var steps = StepNames.Select(s => _seen.TryGetValue(s.Key, out var at)
            ? new RecoveryStep(s.Key, s.Label, at, start is null ? null : Math.Round((at - start.Value).TotalSeconds, 3))
            : new RecoveryStep(s.Key, s.Label, null, null)).ToList();
        var ready = steps[^1];
        return new RecoveryTimeline
        {
            Namespace = _plan.Namespace,
            Workload = $"{_plan.WorkloadKind}/{_plan.WorkloadName}",
            KilledPod = _plan.Pod ?? "",
            ReplacementPod = _replacementName,
            ReplacementNode = _replacementNode,
            State = ready.Done ? RecoveryState.Recovered
                : ended ? RecoveryState.Incomplete
                : _replacementUid is null ? RecoveryState.Deleting
                : RecoveryState.Recovering,
            Steps = steps,
            RecoverySeconds = ready.Seconds,
            Availability = availability,
        };
    }

    /// <summary>A later step implies the earlier ones of the replacement: a pod seen Ready was also scheduled.</summary>
    private void Mark(string key, DateTimeOffset at)
    {
        if (_seen.TryAdd(key, at) && key is ContainersRunning or Ready or Scheduled)
        {
            var index = Array.FindIndex(StepNames, s => s.Key == key);
            foreach (var earlier in StepNames[2..index])
            {
                _seen.TryAdd(earlier.Key, at);
            }
        }
    }
}
