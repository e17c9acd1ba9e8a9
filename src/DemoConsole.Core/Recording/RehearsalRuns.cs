using DemoConsole.Core.Messages;
using System.Collections.Immutable;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Live;
using DemoConsole.Core.Security;
using DemoConsole.Core.Session;

namespace DemoConsole.Core.Recording;

/// <summary>A run taken from a recording, shown next to a live run that failed: which recording, and when it was made.</summary>
public sealed record RehearsalRun(string ActionId, string Recording, DateTimeOffset RecordedAt, ActionRunSnapshot Run);

/// <summary>
/// "Show the rehearsal's run of this action": when a live run fails (the pipeline is red, the cluster unreachable), the
/// presenter can put the latest recorded run of the same action on both screens, marked as recorded with its date.
/// The runbook's "CI/CD fails: show an earlier successful run", from the console's own recordings.
/// </summary>
public sealed class RehearsalRuns(Recorder recorder)
{
    private readonly Lock _gate = new();
    private readonly SnapshotBroadcaster<ImmutableDictionary<string, RehearsalRun>> _shown = new(ImmutableDictionary<string, RehearsalRun>.Empty);

    public ImmutableDictionary<string, RehearsalRun> Shown => _shown.Current;

    public IAsyncEnumerable<ImmutableDictionary<string, RehearsalRun>> WatchAsync(CancellationToken cancellationToken) => _shown.SubscribeAsync(cancellationToken);

    /// <summary>Finds the latest successful run of <paramref name="actionId"/> in the recordings (not the one being written) and shows it. Reads files: call off the renderer.</summary>
    public CommandResult Show(Actor actor, string actionId)
    {
        if (!actor.IsPresenter)
        {
            return CommandResult.Refused(new UiMessage("Rehearsal_PresenterOnlyShow"));
        }

        if (recorder.Store?.LatestRunOf(actionId, recorder.CurrentPath) is not { } found)
        {
            return CommandResult.Refused(new UiMessage("Rehearsal_NoRun", actionId));
        }

        Change(shown => shown.SetItem(actionId, new RehearsalRun(actionId, found.Recording.Name, found.Recording.StartedAt, found.Run)));
        return CommandResult.Ok;
    }

    public CommandResult Hide(Actor actor, string actionId)
    {
        if (!actor.IsPresenter)
        {
            return CommandResult.Refused(new UiMessage("Rehearsal_PresenterOnlyHide"));
        }

        Change(shown => shown.Remove(actionId));
        return CommandResult.Ok;
    }

    private void Change(Func<ImmutableDictionary<string, RehearsalRun>, ImmutableDictionary<string, RehearsalRun>> change)
    {
        lock (_gate)
        {
            _shown.Publish(change(_shown.Current));
        }
    }
}
