using DemoConsole.Core.Actions;
using DemoConsole.Core.Messages;

namespace DemoConsole.Core.StopAll;

/// <summary>What "stop everything" did, and what was already stopped; shown in the dialog and returned by the API.</summary>
/// <param name="Refusal">Why nothing was done (a viewer asked), or null.</param>
/// <param name="Stopped">The runs that were running and were cancelled, with how long each took to end.</param>
/// <param name="StillRunning">Runs that had not ended when the wait gave up (a handler that does not stop promptly).</param>
/// <param name="AlreadyStopped">Actions that were not running: the load actions of the scenario and every action run earlier this session.</param>
/// <param name="Removed">What happened to each object the console created this session and had not removed yet.</param>
/// <param name="AlreadyRemoved">Objects the console created this session and that were gone before (a delete action ran).</param>
public sealed record StopReport(
    string RequestedBy,
    DateTimeOffset RequestedAt,
    TimeSpan Took,
    UiMessage? Refusal,
    IReadOnlyList<StoppedRun> Stopped,
    IReadOnlyList<StoppedRun> StillRunning,
    IReadOnlyList<IdleAction> AlreadyStopped,
    IReadOnlyList<RemovedObject> Removed,
    IReadOnlyList<RemovedObject> AlreadyRemoved)
{
    public static StopReport Refused(string actor, DateTimeOffset at, UiMessage reason) => new(actor, at, TimeSpan.Zero, reason, [], [], [], [], []);

    public bool DidNothing => Stopped.Count == 0 && StillRunning.Count == 0 && Removed.Count == 0;
}

/// <param name="EndedAfter">From the stop request to the run's end (null while it still runs).</param>
public sealed record StoppedRun(string RunId, string ActionId, string Title, string Kind, ActionRunStatus Status, TimeSpan? EndedAfter);

/// <param name="LastStatus">The status of its last run this session, or null when it never ran.</param>
public sealed record IdleAction(string ActionId, string Title, string Kind, ActionRunStatus? LastStatus);

/// <param name="Outcome">"deleted", "already gone", "replaced by an object the console did not create: left alone", or the API's refusal.</param>
public sealed record RemovedObject(string Kind, string Name, string Namespace, UiMessage Outcome, bool Failed = false)
{
    public UiMessage Describe() => new("Cluster_ObjectIn", Kind, Name, Namespace);
}
