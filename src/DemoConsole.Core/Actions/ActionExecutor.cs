using System.Collections.Concurrent;
using DemoConsole.Core.Actions.Kinds;
using DemoConsole.Core.Live;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Recording.Replay;
using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Security;
using Microsoft.Extensions.Logging;

namespace DemoConsole.Core.Actions;

/// <summary>
/// The one way a presenter action runs, from a button or the API alike: role check, the handler's guard
/// rails, one run per action at a time, one audit event per run, and the work itself in the background so
/// that closing a tab neither stops nor orphans it. A kind that asks first is previewed once on the server
/// (<see cref="PreviewAsync"/>); running with that preview's id does exactly what it named, or refuses.
/// This part starts and runs; the preview, the stops and the guard rails are in the other ActionExecutor.*.cs parts.
/// </summary>
public sealed partial class ActionExecutor : IDisposable
{
    /// <summary>How long a confirmation may stay open before its preview must be made again.</summary>
    public static readonly TimeSpan PreviewValidity = TimeSpan.FromSeconds(60);

    private readonly IScenarioSource _scenarios;
    private readonly Dictionary<string, IActionHandler> _handlers;
    private readonly TimeProvider _time;
    private readonly ILogger<ActionExecutor> _logger;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly ConcurrentDictionary<string, string> _inFlightByAction = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _stops = new(StringComparer.Ordinal);
    private readonly PendingPreviews _previews;
    private readonly RunBoardStore _board = new();
    private readonly ReplayScreens? _replay;
    private readonly IActionLeader? _leader;

    /// <param name="replay">The screens' replay switch: while a recording is replayed, no action may run.</param>
    /// <param name="leader">With console replicas, the one that runs actions (see <see cref="IActionLeader"/>).</param>
    public ActionExecutor(IScenarioSource scenarios, IEnumerable<IActionHandler> handlers, TimeProvider time, ILogger<ActionExecutor> logger, ReplayScreens? replay = null, IActionLeader? leader = null)
    {
        _replay = replay;
        _leader = leader;
        _scenarios = scenarios;
        _handlers = handlers.ToDictionary(h => h.Descriptor.Name, StringComparer.Ordinal);
        _time = time;
        _logger = logger;
        _previews = new PendingPreviews(time, PreviewValidity);
    }

    public RunBoard Board => _board.Current;

    /// <summary>The run board now, then after every change (a slow reader skips to the newest).</summary>
    public IAsyncEnumerable<RunBoard> WatchAsync(CancellationToken cancellationToken) => _board.WatchAsync(cancellationToken);

    public ActionRunSnapshot? FindRun(string runId) => Board.FindRun(runId);

    /// <summary>The descriptor of a kind this console knows (with or without a handler), or null.</summary>
    public ActionKindDescriptor? Describe(string kind) =>
        _handlers.TryGetValue(kind, out var handler) ? handler.Descriptor : ActionKindCatalog.Find(kind);

    public IReadOnlyList<ActionAvailability> List(Actor actor) =>
        _scenarios.Current.Scenario.Actions.Select(a => Availability(a, actor)).ToList();

    public ActionAvailability Availability(ActionDefinition action, Actor actor)
    {
        var reason = RefusalReason(action, actor);
        return new ActionAvailability(action.Id, action.Kind, action.Part, action.Title, reason is null, reason?.ToString(), reason);
    }

    /// <param name="runTimeParameters">Values the kind allows a presenter to set for this run (see
    /// <see cref="ActionKindDescriptor.RunTimeParameters"/>); any other key is refused.</param>
    /// <param name="previewId">A preview from <see cref="PreviewAsync"/>: the run does exactly what it named. Without one,
    /// the handler decides when it runs (scripts preview and run in one step).</param>
    public RunStartResult Start(Actor actor, string actionId, IReadOnlyDictionary<string, string>? runTimeParameters = null, string? previewId = null)
    {
        if (Elsewhere is { } leader)
        {
            return StartOnLeader(leader, actor, actionId, runTimeParameters, previewId);
        }

        object? pin = null;
        ActionDefinition? action;
        UiMessage? problem;
        if (previewId is null)
        {
            action = Resolve(actor, actionId, runTimeParameters, out problem);
        }
        else if (runTimeParameters is { Count: > 0 })
        {
            (action, problem) = (null, new UiMessage("Actions_PreviewParameters"));
        }
        else if (_previews.Take(previewId, actionId, actor.Name, out var previewProblem) is { } entry)
        {
            // The guard rails are checked again: the preview may be a minute old.
            action = Resolve(actor, actionId, entry.Action.Parameters, out problem) is not null ? entry.Action : null;
            pin = entry.Pin;
        }
        else
        {
            (action, problem) = (null, previewProblem);
        }

        if (action is null)
        {
            return Refuse(actor, actionId, KindOf(actionId), problem ?? new UiMessage("Actions_Refused"));
        }

        var runId = Guid.NewGuid().ToString("n")[..12];
        if (!_inFlightByAction.TryAdd(action.Id, runId))
        {
            return Refuse(actor, actionId, action.Kind, new UiMessage("Actions_AlreadyRunning"));
        }

        var run = new ActionRunSnapshot
        {
            RunId = runId,
            ActionId = action.Id,
            Kind = action.Kind,
            Title = action.Title,
            Part = action.Part,
            StartedBy = actor.Name,
            StartedAt = _time.GetUtcNow(),
            Parameters = action.Parameters,
        };
        _board.Add(run);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token);
        _stops[runId] = stop;

        // Not awaited on purpose: the run belongs to the server, not to the circuit or request that started it.
        _ = Task.Run(() => RunAsync(_handlers[action.Kind], action, run, pin, stop.Token), CancellationToken.None);
        return new RunStartResult(runId, null);
    }

    public void Dispose()
    {
        _shutdown.Cancel();
        _shutdown.Dispose();
    }

    private async Task RunAsync(IActionHandler handler, ActionDefinition action, ActionRunSnapshot run, object? pin, CancellationToken cancellationToken)
    {
        var context = new ActionRunContext(run.RunId, action, run.StartedBy, progress => _board.Report(run.RunId, progress), pin);
        ActionOutcome outcome;
        try
        {
            outcome = await handler.RunAsync(context, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = new ActionOutcome(ActionRunStatus.Cancelled, new UiMessage("Action_Stopped"), null);
        }
#pragma warning disable CA1031 // A failing action must become a visible message, never take the console down.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogRunCrashed(ex, run.RunId, action.Id);
            outcome = ActionOutcome.Failed(new UiMessage("Action_Crashed", ex.Message));
        }

        if (cancellationToken.IsCancellationRequested && outcome.Status == ActionRunStatus.Succeeded)
        {
            outcome = outcome with { Status = ActionRunStatus.Cancelled };
        }

        if (_stops.TryRemove(run.RunId, out var stop))
        {
            stop.Dispose();
        }

        var ended = _board.End(run.RunId, outcome, _time.GetUtcNow());
        _inFlightByAction.TryRemove(action.Id, out _);
        LogRunEnded(action.Id, action.Kind, run.RunId, run.StartedBy, ended.Status, ended.Message, (ended.EndedAt!.Value - ended.StartedAt).TotalSeconds);
    }

    private RunStartResult Refuse(Actor actor, string actionId, string kind, UiMessage reason)
    {
        LogRunRefused(actionId, kind, actor.Name, actor.Role, reason.ToString());
        _board.AddRefusal(new RefusedStart(actionId, kind, actor.Name, reason.ToString(), _time.GetUtcNow()) { Why = reason });
        return RunStartResult.Refused(reason);
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Information,
        Message = "Action {ActionId} ({Kind}) run {RunId} by {Actor}: {Status} after {Seconds:F1}s: {Outcome}")]
    private partial void LogRunEnded(string actionId, string kind, string runId, string actor, ActionRunStatus status, UiMessage? outcome, double seconds);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Action {ActionId} ({Kind}) by {Actor} as {Role} refused: {Reason}")]
    private partial void LogRunRefused(string actionId, string kind, string actor, ConsoleRole role, string reason);

    [LoggerMessage(EventId = 202, Level = LogLevel.Error, Message = "Action run {RunId} of {ActionId} crashed")]
    private partial void LogRunCrashed(Exception exception, string runId, string actionId);
}
