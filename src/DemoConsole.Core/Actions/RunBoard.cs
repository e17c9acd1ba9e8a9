using System.Collections.Immutable;
using System.Text.Json.Serialization;
using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Actions;

/// <summary>All runs, newest first (running and recent history), as one immutable value for screens to render.</summary>
public sealed record RunBoard(long Version, ImmutableList<ActionRunSnapshot> Runs)
{
    public static RunBoard Empty { get; } = new(0, []);

    /// <summary>Runs refused before they started (who asked, why), newest last; a run refused by its handler is in <see cref="Runs"/>.</summary>
    public ImmutableList<RefusedStart> Refusals { get; init; } = [];

    public ActionRunSnapshot? LatestForAction(string actionId) => Runs.FirstOrDefault(r => r.ActionId == actionId);

    public ActionRunSnapshot? FindRun(string runId) => Runs.FirstOrDefault(r => r.RunId == runId);
}

/// <summary>A run request the executor refused (a viewer, a guard rail, already running), for the report's problems.</summary>
public sealed record RefusedStart(string ActionId, string Kind, string Actor, string Reason, DateTimeOffset At)
{
    /// <summary><see cref="Reason"/> for a reader in their language; not serialised (a recording keeps the English).</summary>
    [JsonIgnore]
    public UiMessage? Why { get; init; }
}
