using DemoConsole.Core.Cluster.Actions;
using k8s;
using k8s.Models;

namespace DemoConsole.Core.Tests.Cluster.Actions;

/// <summary>How watch events become timeline steps, independent of any cluster.</summary>
public sealed class RecoveryTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 1, 0, 0, TimeSpan.Zero);

    private static readonly PodKillPlan Plan = new()
    {
        Namespace = "titanium-prod",
        WorkloadKind = "Deployment",
        WorkloadName = "blog",
        Pod = "blog-a",
        PodUid = "uid-a",
        ReadyReplicas = 2,
        Replicas = 2,
    };

    private readonly RecoveryTracker _tracker = new(Plan, ["uid-a", "uid-b"]);

    [Fact]
    public void Observe_ReplacementSeenFirstWhenReady_MarksEveryEarlierStepAtThatTime()
    {
        _tracker.MarkDeleteRequested(T0);

        Assert.True(_tracker.Observe(WatchEventType.Added, Pod("uid-c", "blog-c", node: "node-1", running: true, ready: true), T0.AddSeconds(4)));

        var timeline = _tracker.Snapshot(new AvailabilityCounts(), ended: false);
        Assert.Equal(RecoveryState.Recovered, timeline.State);
        Assert.Equal(4, timeline.RecoverySeconds);
        Assert.Null(timeline.Steps.Single(s => s.Key == "terminating").At);
        Assert.All(timeline.Steps.Skip(2), s => Assert.Equal(4, s.Seconds));
        Assert.Equal("blog-c", timeline.ReplacementPod);
        Assert.Equal("node-1", timeline.ReplacementNode);
    }

    [Fact]
    public void Observe_EventsOfOtherPods_AreNotTheReplacement()
    {
        _tracker.MarkDeleteRequested(T0);

        Assert.False(_tracker.Observe(WatchEventType.Modified, Pod("uid-b", "blog-b", ready: true), T0.AddSeconds(1)));
        Assert.True(_tracker.Observe(WatchEventType.Modified, Pod("uid-a", "blog-a", terminating: true), T0.AddSeconds(1)));
        Assert.True(_tracker.Observe(WatchEventType.Added, Pod("uid-c", "blog-c"), T0.AddSeconds(2)));
        Assert.False(_tracker.Observe(WatchEventType.Added, Pod("uid-d", "blog-d", ready: true), T0.AddSeconds(3)));

        var timeline = _tracker.Snapshot(new AvailabilityCounts(), ended: true);
        Assert.Equal(RecoveryState.Incomplete, timeline.State);
        Assert.Equal("blog-c", timeline.ReplacementPod);
        Assert.Equal([0, 1, 2, null, null, null], timeline.Steps.Select(s => s.Seconds));
        Assert.Null(timeline.RecoverySeconds);
    }

    [Fact]
    public void Observe_NewPodBeforeTheDeleteRequest_IsIgnored()
    {
        Assert.False(_tracker.Observe(WatchEventType.Added, Pod("uid-c", "blog-c", ready: true), T0));

        Assert.Equal(RecoveryState.Deleting, _tracker.Snapshot(new AvailabilityCounts(), ended: false).State);
    }

    private static V1Pod Pod(string uid, string name, string? node = null, bool running = false, bool ready = false, bool terminating = false) => new()
    {
        Metadata = new V1ObjectMeta { Uid = uid, Name = name, DeletionTimestamp = terminating ? T0.UtcDateTime : null },
        Spec = new V1PodSpec { NodeName = node },
        Status = new V1PodStatus
        {
            Conditions = ready ? [new V1PodCondition { Type = "Ready", Status = "True" }] : [],
            ContainerStatuses = running ? [new V1ContainerStatus { Name = "app", State = new V1ContainerState { Running = new V1ContainerStateRunning() } }] : [],
        },
    };
}
