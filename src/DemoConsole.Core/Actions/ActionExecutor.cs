using System.Collections.Concurrent;
using System.Collections.Immutable;
using DemoConsole.Core.Live;
using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Security;
using Microsoft.Extensions.Logging;

namespace DemoConsole.Core.Actions;

/// <summary>
/// The one way a presenter action runs, from a button or the API alike: role check, the handler's guard
/// rails, one run per action at a time, one audit event per run, and the work itself in the background so
/// that closing a tab neither stops nor orphans it.
/// </summary>
public sealed partial class ActionExecutor : IDisposable
{
    private const int HistoryLimit = 200;

    private readonly IScenarioSource _scenarios;
    private readonly Dictionary<string, IActionHandler> _handlers;
    private readonly TimeProvider _time;
    private readonly ILogger<ActionExecutor> _logger;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly ConcurrentDictionary<string, string> _inFlightByAction = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _stops = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly SnapshotBroadcaster<RunBoard> _board = new(RunBoard.Empty);

    public ActionExecutor(IScenarioSource scenarios, IEnumerable<IActionHandler> handlers, TimeProvider time, ILogger<ActionExecutor> logger)
    {
        _scenarios = scenarios;
        _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
        _time = time;
        _logger = logger;
    }

    public RunBoard Board => _board.Current;

    /// <summary>The run board now, then after every change (a slow reader skips to the newest).</summary>
    public IAsyncEnumerable<RunBoard> WatchAsync(CancellationToken cancellationToken) => _board.SubscribeAsync(cancellationToken);

    public ActionRunSnapshot? FindRun(string runId) => Board.FindRun(runId);

    public IReadOnlyList<ActionAvailability> List(Actor actor) =>
        _scenarios.Current.Scenario.Actions.Select(a => Availability(a, actor)).ToList();

    public ActionAvailability Availability(ActionDefinition action, Actor actor)
    {
        var reason = RefusalReason(action, actor);
        return new ActionAvailability(action.Id, action.Kind, action.Part, action.Title, reason is null, reason);
    }

    /// <param name="runTimeParameters">Values the handler allows a presenter to set for this run (see
    /// <see cref="IActionHandler.RunTimeParameters"/>); any other key is refused.</param>
    public RunStartResult Start(Actor actor, string actionId, IReadOnlyDictionary<string, string>? runTimeParameters = null)
    {
        var declared = _scenarios.Current.Scenario.Actions.FirstOrDefault(a => a.Id == actionId);
        if (declared is null)
        {
            return Refuse(actor, actionId, "unknown", $"There is no action '{actionId}' in the scenario.");
        }

        if (WithRunTimeParameters(declared, runTimeParameters, out var problem) is not { } action)
        {
            return Refuse(actor, actionId, declared.Kind, problem!);
        }

        if (RefusalReason(action, actor) is { } reason)
        {
            return Refuse(actor, actionId, action.Kind, reason);
        }

        var runId = Guid.NewGuid().ToString("n")[..12];
        if (!_inFlightByAction.TryAdd(action.Id, runId))
        {
            return Refuse(actor, actionId, action.Kind, "This action is already running.");
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
        Update(run);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token);
        _stops[runId] = stop;

        // Not awaited on purpose: the run belongs to the server, not to the circuit or request that started it.
        _ = Task.Run(() => RunAsync(_handlers[action.Kind], action, run, stop.Token), CancellationToken.None);
        return new RunStartResult(runId, null);
    }

    public RunStartResult Stop(Actor actor, string runId)
    {
        if (!actor.IsPresenter)
        {
            return new RunStartResult(null, "Only a presenter can stop a run.");
        }

        if (!_stops.TryGetValue(runId, out var stop))
        {
            return new RunStartResult(null, FindRun(runId) is null ? $"There is no run '{runId}'." : "The run has already ended.");
        }

        LogStopRequested(runId, actor.Name);
        stop.Cancel();
        return new RunStartResult(runId, null);
    }

    /// <summary>The action with a presenter's run-time values applied, or null (and why) when a key is not allowed.</summary>
    public ActionDefinition? WithRunTimeParameters(ActionDefinition action, IReadOnlyDictionary<string, string>? values, out string? problem)
    {
        problem = null;
        if (values is null || values.Count == 0)
        {
            return action;
        }

        var allowed = _handlers.TryGetValue(action.Kind, out var handler) ? handler.RunTimeParameters : new HashSet<string>();
        var refused = values.Keys.Where(k => !allowed.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (refused.Count > 0)
        {
            problem = $"'{string.Join("', '", refused)}' cannot be set when running '{action.Id}'; it comes from the scenario.";
            return null;
        }

        var merged = new Dictionary<string, string>(action.Parameters, StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            merged[key] = value;
        }

        return action with { Parameters = merged };
    }

    public void Dispose()
    {
        _shutdown.Cancel();
        _shutdown.Dispose();
    }

    private string? RefusalReason(ActionDefinition action, Actor actor)
    {
        if (!_handlers.TryGetValue(action.Kind, out var handler))
        {
            return $"Action kind '{action.Kind}' is not available in this version of the console.";
        }

        if (!actor.IsPresenter)
        {
            return "Only a presenter can run actions.";
        }

        return _inFlightByAction.ContainsKey(action.Id) ? "Running now." : handler.Validate(action);
    }

    private async Task RunAsync(IActionHandler handler, ActionDefinition action, ActionRunSnapshot run, CancellationToken cancellationToken)
    {
        var context = new ActionRunContext(run.RunId, action, run.StartedBy, progress => Update(Current(run.RunId) with { Result = progress }));
        ActionOutcome outcome;
        try
        {
            outcome = await handler.RunAsync(context, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = new ActionOutcome(ActionRunStatus.Cancelled, "Stopped.", Current(run.RunId).Result);
        }
#pragma warning disable CA1031 // A failing action must become a visible message, never take the console down.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogRunCrashed(ex, run.RunId, action.Id);
            outcome = ActionOutcome.Failed($"The action failed: {ex.Message}", Current(run.RunId).Result);
        }

        if (cancellationToken.IsCancellationRequested && outcome.Status == ActionRunStatus.Succeeded)
        {
            outcome = outcome with { Status = ActionRunStatus.Cancelled };
        }

        var ended = Current(run.RunId) with
        {
            Status = outcome.Status,
            Message = outcome.Message,
            Result = outcome.Result,
            EndedAt = _time.GetUtcNow(),
        };
        if (_stops.TryRemove(run.RunId, out var stop))
        {
            stop.Dispose();
        }

        _inFlightByAction.TryRemove(action.Id, out _);
        Update(ended);
        LogRunEnded(action.Id, action.Kind, run.RunId, run.StartedBy, ended.Status, ended.Message ?? "", (ended.EndedAt.Value - ended.StartedAt).TotalSeconds);
    }

    private ActionRunSnapshot Current(string runId) => Board.Runs.First(r => r.RunId == runId);

    private void Update(ActionRunSnapshot run)
    {
        lock (_gate)
        {
            var runs = Board.Runs;
            var index = runs.FindIndex(r => r.RunId == run.RunId);
            runs = index >= 0 ? runs.SetItem(index, run) : runs.Insert(0, run);
            if (runs.Count > HistoryLimit && !runs[^1].IsRunning)
            {
                runs = runs.RemoveAt(runs.Count - 1);
            }

            _board.Publish(new RunBoard(Board.Version + 1, runs));
        }
    }

    private RunStartResult Refuse(Actor actor, string actionId, string kind, string reason)
    {
        LogRunRefused(actionId, kind, actor.Name, actor.Role, reason);
        return new RunStartResult(null, reason);
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Information,
        Message = "Action {ActionId} ({Kind}) run {RunId} by {Actor}: {Status} after {Seconds:F1}s: {Outcome}")]
    private partial void LogRunEnded(string actionId, string kind, string runId, string actor, ActionRunStatus status, string outcome, double seconds);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Action {ActionId} ({Kind}) by {Actor} as {Role} refused: {Reason}")]
    private partial void LogRunRefused(string actionId, string kind, string actor, ConsoleRole role, string reason);

    [LoggerMessage(EventId = 202, Level = LogLevel.Error, Message = "Action run {RunId} of {ActionId} crashed")]
    private partial void LogRunCrashed(Exception exception, string runId, string actionId);

    [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "Stop of run {RunId} requested by {Actor}")]
    private partial void LogStopRequested(string runId, string actor);
}

/// <summary>All runs, newest first (running and recent history), as one immutable value for screens to render.</summary>
public sealed record RunBoard(long Version, ImmutableList<ActionRunSnapshot> Runs)
{
    public static RunBoard Empty { get; } = new(0, []);

    /// <summary>The newest run of each action of a part: what a part page and the audience screen show.</summary>
    public IReadOnlyList<ActionRunSnapshot> LatestForPart(int? part) =>
        Runs.Where(r => r.Part == part).GroupBy(r => r.ActionId).Select(g => g.First()).ToList();

    public ActionRunSnapshot? LatestForAction(string actionId) => Runs.FirstOrDefault(r => r.ActionId == actionId);

    public ActionRunSnapshot? FindRun(string runId) => Runs.FirstOrDefault(r => r.RunId == runId);
}
