using DemoConsole.Core.Messages;
using Microsoft.Extensions.Logging;

namespace DemoConsole.Core.Actions;

/// <summary>
/// Part of <see cref="ActionExecutor"/>: its side of console replicas (<see cref="IActionLeader"/>). A replica that
/// does not lead shows the leader's run board; a replica that becomes leader takes the last shared board over and
/// ends the runs its dead predecessor left running as interrupted, so no run is silently lost.
/// </summary>
public sealed partial class ActionExecutor
{
    /// <summary>The leader elsewhere to hand commands to, or null when actions run here.</summary>
    private IActionLeader? Elsewhere => _leader is { RunsHere: false } leader ? leader : null;

    /// <summary>How long a start on the leader waits for the leader's board to show the new run here.</summary>
    private static readonly TimeSpan ShownWithin = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Starts on the leader and returns once this replica's board shows the run (the board arrives a moment after the
    /// leader's answer), so a caller that looks the run up next finds it, as after a start here.
    /// </summary>
    private RunStartResult StartOnLeader(IActionLeader leader, Security.Actor actor, string actionId, IReadOnlyDictionary<string, string>? runTimeParameters, string? previewId)
    {
        var started = leader.Start(actor, actionId, runTimeParameters, previewId);
        if (started.Started && FindRun(started.RunId) is null)
        {
            // Blocking on purpose, like the start itself: the board's broadcaster completes on other threads.
            Task.Run(() => WaitUntilShownAsync(started.RunId)).GetAwaiter().GetResult();
        }

        return started;
    }

    private async Task WaitUntilShownAsync(string runId)
    {
        using var timeout = new CancellationTokenSource(ShownWithin);
        try
        {
            await foreach (var board in _board.WatchAsync(timeout.Token))
            {
                if (board.FindRun(runId) is not null)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Not shown yet (Redis slow): the run still started; the board shows it when it arrives.
        }
    }

    /// <summary>Shows the leader's run board (this replica runs nothing itself).</summary>
    public void Follow(RunBoard leaders) => _board.Replace(leaders);

    /// <summary>
    /// Takes over the board the previous leader shared last: its runs still marked running were cut off with it, so
    /// they end here as failed, saying so. Returns the interrupted runs.
    /// </summary>
    public IReadOnlyList<ActionRunSnapshot> TakeOver(RunBoard previous)
    {
        var now = _time.GetUtcNow();
        var interrupted = previous.Runs.Where(r => r.IsRunning && !_stops.ContainsKey(r.RunId)).ToList();
        var message = new UiMessage("Actions_Interrupted");
        // A replica that leads again after a short loss keeps its own runs in flight as it has them.
        var here = Board.Runs.Where(r => _stops.ContainsKey(r.RunId)).ToDictionary(r => r.RunId, StringComparer.Ordinal);
        var runs = previous.Runs.Where(r => !here.ContainsKey(r.RunId))
            .Select(r => interrupted.Contains(r) ? r with { Status = ActionRunStatus.Failed, Message = message, EndedAt = now } : r);
        _board.Replace(previous with { Runs = [.. here.Values, .. runs] });
        foreach (var run in interrupted)
        {
            LogRunInterrupted(run.RunId, run.ActionId, run.StartedBy);
        }

        return interrupted;
    }

    /// <summary>
    /// This replica no longer leads (its lease ran out): the runs in flight here are stopped, since the new leader
    /// reports them as interrupted and a presenter may start them again there. Returns how many were stopped.
    /// </summary>
    public int StepDown()
    {
        var stopped = 0;
        foreach (var stop in _stops.Values)
        {
            try
            {
                stop.Cancel();
                stopped++;
            }
            catch (ObjectDisposedException)
            {
                // Ended between the look-up and the cancel.
            }
        }

        return stopped;
    }

    [LoggerMessage(EventId = 204, Level = LogLevel.Warning, Message = "Action run {RunId} of {ActionId} by {Actor} was interrupted: the replica running it stopped")]
    private partial void LogRunInterrupted(string runId, string actionId, string actor);
}
