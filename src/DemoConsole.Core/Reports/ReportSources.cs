using DemoConsole.Core.Actions;
using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Session;

namespace DemoConsole.Core.Reports;

/// <summary>
/// Everything a report is built from, as values: the scenario, the session (timers, checklist, driver), the action
/// runs and what the journal saw (alerts, connection problems). The live console fills it from its singletons; a
/// recording can fill it from its file.
/// </summary>
public sealed record ReportSources(
    Scenario Scenario,
    SessionSnapshot Session,
    IReadOnlyList<ActionRunSnapshot> Runs,
    JournalSnapshot Journal,
    DateTimeOffset Now)
{
    /// <summary>Run requests refused before they started (<see cref="RunBoard.Refusals"/>).</summary>
    public IReadOnlyList<RefusedStart> Refusals { get; init; } = [];
}
