using System.Collections.Immutable;
using DemoConsole.Core.Live;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Security;
using Microsoft.Extensions.Logging;

namespace DemoConsole.Core.Session;

/// <summary>
/// The one live state of the demo, shared by every screen: position, timers, checklist and who drives.
/// It lives on the server, so a refresh, a second tab or a reconnect shows the same state.
/// Every change is checked here against the caller's role; the UI hiding a button is never the only guard.
/// </summary>
public sealed partial class DemoSession
{
    /// <summary>The name API calls act under: a remote (clicker, phone, script) of whoever drives.</summary>
    public const string RemoteName = "remote";

    private readonly Lock _gate = new();
    private readonly IScenarioSource _scenarios;
    private readonly TimeProvider _time;
    private readonly ILogger<DemoSession> _logger;
    private readonly SnapshotBroadcaster<SessionSnapshot> _broadcaster = new(new SessionSnapshot());
    private readonly Dictionary<string, string> _presence = [];
    private ImmutableSortedSet<string> _elsewhere = ImmutableSortedSet<string>.Empty;

    public DemoSession(IScenarioSource scenarios, TimeProvider time, ILogger<DemoSession> logger)
    {
        _scenarios = scenarios;
        _time = time;
        _logger = logger;
    }

    public SessionSnapshot Snapshot => _broadcaster.Current;

    public Scenario Scenario => _scenarios.Current.Scenario;

    /// <summary>The current snapshot, then each newer one; a slow reader only ever skips to the newest.</summary>
    public IAsyncEnumerable<SessionSnapshot> WatchAsync(CancellationToken cancellationToken) =>
        _broadcaster.SubscribeAsync(cancellationToken);

    public TimerReadout ReadTimers() =>
        TimerReadout.Read(Snapshot.Timers, Scenario, Snapshot.CurrentPart, _time.GetUtcNow());

    public CommandResult GoTo(Actor actor, SessionPosition position)
    {
        if (!IsValid(position))
        {
            return CommandResult.Refused(new UiMessage("Session_NoPage", position.PresenterPath));
        }

        return Change(actor, requiresDriver: true, nameof(GoTo), s =>
        {
            var now = _time.GetUtcNow();
            var timers = position.Kind == PageKind.Part ? s.Timers.Start(now, position.Part) : s.Timers;
            return s with { Position = position, Timers = timers.EnterPart(position.Kind == PageKind.Part ? position.Part : 0, now) };
        });
    }

    public CommandResult Step(Actor actor, int step) => GoTo(actor, Snapshot.Position.Step(Scenario, step));

    public CommandResult StartTimers(Actor actor) =>
        Change(actor, requiresDriver: true, nameof(StartTimers), s => s with { Timers = s.Timers.Start(_time.GetUtcNow(), s.CurrentPart) });

    public CommandResult PauseTimers(Actor actor) =>
        Change(actor, requiresDriver: true, nameof(PauseTimers), s => s with { Timers = s.Timers.Pause(_time.GetUtcNow()) });

    public CommandResult ResumeTimers(Actor actor) =>
        Change(actor, requiresDriver: true, nameof(ResumeTimers), s => s with { Timers = s.Timers.Resume(_time.GetUtcNow()) });

    public CommandResult ResetTimers(Actor actor) =>
        Change(actor, requiresDriver: true, nameof(ResetTimers), s => s with { Timers = DemoTimers.NotStarted });

    /// <summary>Any presenter may tick the checklist: preparing is team work, and the whole team sees who ticked what.</summary>
    public CommandResult SetChecklistItem(Actor actor, string itemId, bool done)
    {
        if (!Scenario.Checklists.SelectMany(c => c.Items).Any(i => i.Id == itemId))
        {
            return CommandResult.Refused(new UiMessage("Session_NoChecklistItem", itemId));
        }

        return Change(actor, requiresDriver: false, nameof(SetChecklistItem), s => s with
        {
            Checklist = done
                ? s.Checklist.SetItem(itemId, new ChecklistMark(actor.Name, _time.GetUtcNow()))
                : s.Checklist.Remove(itemId),
        });
    }

    /// <summary>
    /// Any presenter may switch the audience screen's theme (not only the driver): whoever sits nearest the projector
    /// sees best what the room needs.
    /// </summary>
    public CommandResult SetAudienceTheme(Actor actor, AudienceTheme theme)
    {
        if (!Enum.IsDefined(theme))
        {
            return CommandResult.Refused(new UiMessage("Session_NoTheme", theme.ToString()));
        }

        return Change(actor, requiresDriver: false, nameof(SetAudienceTheme), s => s with { AudienceTheme = theme });
    }

    /// <summary>A presenter takes control; the previous driver sees it at once and can take it back.</summary>
    public CommandResult TakeControl(Actor actor) =>
        Change(actor, requiresDriver: false, nameof(TakeControl), s => s with { Driver = actor.Name });

    public CommandResult HandOver(Actor actor, string presenterName)
    {
        if (!Snapshot.Presenters.Contains(presenterName))
        {
            return CommandResult.Refused(new UiMessage("Session_NotConnected", presenterName));
        }

        return Change(actor, requiresDriver: true, nameof(HandOver), s => s with { Driver = presenterName });
    }

    /// <summary>
    /// Takes back the state saved before a restart: position, timers, checklist, driver and audience theme. Connected presenters
    /// are not restored; screens register again as they reconnect. A position the scenario no longer has falls
    /// back to the overview.
    /// </summary>
    public void Restore(SessionSnapshot saved)
    {
        lock (_gate)
        {
            Publish(Snapshot with
            {
                Position = IsValid(saved.Position) ? saved.Position : SessionPosition.Overview,
                Timers = saved.Timers,
                Checklist = saved.Checklist,
                Driver = saved.Driver,
                AudienceTheme = Enum.IsDefined(saved.AudienceTheme) ? saved.AudienceTheme : AudienceTheme.Projector,
            });
        }
    }

    /// <summary>Registers a connected presenter screen; the key identifies one connection (a circuit).</summary>
    public void Connect(string connectionKey, Actor actor)
    {
        if (!actor.IsPresenter)
        {
            return;
        }

        UpdatePresence(() => _presence[connectionKey] = actor.Name);
    }

    public void Disconnect(string connectionKey) => UpdatePresence(() => _presence.Remove(connectionKey));

    /// <summary>Presenters whose screens are connected to this process (not those of other console replicas).</summary>
    public IReadOnlySet<string> PresentHere
    {
        get
        {
            lock (_gate)
            {
                return _presence.Values.ToHashSet(StringComparer.Ordinal);
            }
        }
    }

    /// <summary>
    /// Presenters connected to the other console replicas sharing this session, so everyone sees who is rehearsing and
    /// control can be handed to a presenter on another replica.
    /// </summary>
    public void SetPresentElsewhere(IEnumerable<string> names)
    {
        var elsewhere = names.ToImmutableSortedSet(StringComparer.Ordinal);
        if (!elsewhere.SetEquals(_elsewhere))
        {
            UpdatePresence(() => _elsewhere = elsewhere);
        }
    }

    private void UpdatePresence(Action change)
    {
        lock (_gate)
        {
            change();
            var names = _presence.Values.ToImmutableSortedSet(StringComparer.Ordinal).Union(_elsewhere);
            Publish(Snapshot with { Presenters = names });
        }
    }

    private bool IsValid(SessionPosition position) =>
        SessionPosition.Sequence(Scenario).Contains(position);

    private CommandResult Change(Actor actor, bool requiresDriver, string command, Func<SessionSnapshot, SessionSnapshot> change)
    {
        if (!actor.IsPresenter)
        {
            LogRefused(actor.Name, command, "viewer");
            return CommandResult.Refused(new UiMessage("Session_PresenterOnly"));
        }

        lock (_gate)
        {
            var current = Snapshot;
            var mayDrive = current.Driver is null || current.Driver == actor.Name || actor.Name == RemoteName;
            if (requiresDriver && !mayDrive)
            {
                LogRefused(actor.Name, command, "not driving");
                return CommandResult.Refused(new UiMessage("Session_OtherDrives", current.Driver));
            }

            var next = change(current);
            if (requiresDriver && next.Driver is null && actor.Name != RemoteName)
            {
                next = next with { Driver = actor.Name };
            }

            Publish(next);
            LogChanged(actor.Name, command, next.Position.PresenterPath);
            return CommandResult.Ok;
        }
    }

    private void Publish(SessionSnapshot next) =>
        _broadcaster.Publish(next with { Version = Snapshot.Version + 1 });

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Session {Command} by {Actor}; now at {Page}")]
    private partial void LogChanged(string actor, string command, string page);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Session {Command} by {Actor} refused ({Reason})")]
    private partial void LogRefused(string actor, string command, string reason);
}
