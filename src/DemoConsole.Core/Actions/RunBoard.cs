using System.Collections.Immutable;

namespace DemoConsole.Core.Actions;

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
