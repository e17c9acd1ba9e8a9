using DemoConsole.Core.Live;

namespace DemoConsole.Core.Actions;

/// <summary>
/// The run board and every change to it. Each change reads and replaces a run in one step under one lock, so a
/// late progress report can never overwrite an ended run: a report after the end is ignored.
/// </summary>
internal sealed class RunBoardStore
{
    private const int HistoryLimit = 200;

    private readonly Lock _gate = new();
    private readonly SnapshotBroadcaster<RunBoard> _board = new(RunBoard.Empty);

    public RunBoard Current => _board.Current;

    public IAsyncEnumerable<RunBoard> WatchAsync(CancellationToken cancellationToken) => _board.SubscribeAsync(cancellationToken);

    public void Add(ActionRunSnapshot run) => Change(run.RunId, _ => run);

    /// <summary>Replaces the whole board (the leader's, on a replica that follows it); the version stays this board's own.</summary>
    public void Replace(RunBoard board)
    {
        lock (_gate)
        {
            _board.Publish(board with { Version = _board.Current.Version + 1 });
        }
    }

    /// <summary>Notes a refused start (bounded: the newest <see cref="HistoryLimit"/> are kept).</summary>
    public void AddRefusal(RefusedStart refused)
    {
        lock (_gate)
        {
            var board = _board.Current;
            var refusals = board.Refusals.Add(refused);
            _board.Publish(board with { Version = board.Version + 1, Refusals = refusals.Count > HistoryLimit ? refusals.RemoveAt(0) : refusals });
        }
    }

    /// <summary>Live figures of a running run; ignored once the run has ended.</summary>
    public void Report(string runId, IActionResult progress) =>
        Change(runId, current => current is { IsRunning: true } ? current with { Result = progress } : null);

    /// <summary>Ends the run with its outcome (a result-less outcome keeps the last live figures) and returns it.</summary>
    public ActionRunSnapshot End(string runId, ActionOutcome outcome, DateTimeOffset at)
    {
        ActionRunSnapshot? ended = null;
        Change(runId, current => ended = current is null ? null : current with
        {
            Status = outcome.Status,
            Message = outcome.Message,
            Result = outcome.Result ?? current.Result,
            EndedAt = at,
        });
        return ended ?? throw new InvalidOperationException($"Run {runId} is not on the board.");
    }

    /// <param name="change">The new snapshot of the run from its current one (null when it is not on the board), or null for no change.</param>
    private void Change(string runId, Func<ActionRunSnapshot?, ActionRunSnapshot?> change)
    {
        lock (_gate)
        {
            var board = _board.Current;
            var runs = board.Runs;
            var index = runs.FindIndex(r => r.RunId == runId);
            if (change(index >= 0 ? runs[index] : null) is not { } next)
            {
                return;
            }

            runs = index >= 0 ? runs.SetItem(index, next) : runs.Insert(0, next);
            if (runs.Count > HistoryLimit && !runs[^1].IsRunning)
            {
                runs = runs.RemoveAt(runs.Count - 1);
            }

            _board.Publish(board with { Version = board.Version + 1, Runs = runs });
        }
    }
}
