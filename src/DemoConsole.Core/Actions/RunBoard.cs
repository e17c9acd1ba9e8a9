using System.Collections.Immutable;

namespace DemoConsole.Core.Actions;

/// <summary>All runs, newest first (running and recent history), as one immutable value for screens to render.</summary>
public sealed record RunBoard(long Version, ImmutableList<ActionRunSnapshot> Runs)
{
    public static RunBoard Empty { get; } = new(0, []);

    public ActionRunSnapshot? LatestForAction(string actionId) => Runs.FirstOrDefault(r => r.ActionId == actionId);

    public ActionRunSnapshot? FindRun(string runId) => Runs.FirstOrDefault(r => r.RunId == runId);
}
