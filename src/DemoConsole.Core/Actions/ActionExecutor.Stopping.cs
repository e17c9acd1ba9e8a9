using DemoConsole.Core.Messages;
using DemoConsole.Core.Security;
using Microsoft.Extensions.Logging;

namespace DemoConsole.Core.Actions;

/// <summary>
/// Part of <see cref="ActionExecutor"/>: stopping runs in flight, one (<see cref="Stop"/>) or all at once
/// (<see cref="StopAll"/>), by a presenter only; the run itself ends as its handler winds down.
/// </summary>
public sealed partial class ActionExecutor
{
    public RunStartResult Stop(Actor actor, string runId)
    {
        if (!actor.IsPresenter)
        {
            return RunStartResult.Refused(new UiMessage("Actions_StopPresenterOnly"));
        }

        if (Elsewhere is { } leader)
        {
            return leader.Stop(actor, runId);
        }

        if (!_stops.TryGetValue(runId, out var stop))
        {
            return RunStartResult.Refused(FindRun(runId) is null ? new UiMessage("Actions_NoRun", runId) : new UiMessage("Actions_RunEnded"));
        }

        LogStopRequested(runId, actor.Name);
        stop.Cancel();
        return new RunStartResult(runId, null);
    }

    /// <summary>
    /// Cancels every run in flight at once (stop everything) and returns them as they were. Each ends as its handler
    /// winds down (a load run stops scheduling and cancels its requests); watch the board for the ends.
    /// </summary>
    public IReadOnlyList<ActionRunSnapshot> StopAll(Actor actor)
    {
        if (!actor.IsPresenter)
        {
            return [];
        }

        if (Elsewhere is { } leader)
        {
            return leader.StopAll(actor);
        }

        var running = Board.Runs.Where(r => r.IsRunning && _stops.ContainsKey(r.RunId)).ToList();
        foreach (var run in running)
        {
            if (_stops.TryGetValue(run.RunId, out var stop))
            {
                LogStopRequested(run.RunId, actor.Name);
                try
                {
                    stop.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // The run ended between the look-up and the cancel: nothing left to stop.
                }
            }
        }

        return running;
    }

    [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "Stop of run {RunId} requested by {Actor}")]
    private partial void LogStopRequested(string runId, string actor);
}
