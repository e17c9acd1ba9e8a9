using DemoConsole.Core.Actions;
using DemoConsole.Core.Session;

namespace DemoConsole.Core.Reports;

/// <summary>The report of the session running now, from the live singletons; and the saved one to compare it with.</summary>
public sealed class LiveReports(DemoSession session, ActionExecutor executor, SessionJournal journal, ReportStore store, TimeProvider time)
{
    public ReportStore Store => store;

    public ReportSources Sources()
    {
        var board = executor.Board;
        return new(session.Scenario, session.Snapshot, board.Runs, journal.Current, time.GetUtcNow()) { Refusals = board.Refusals };
    }

    public SessionReport Build() => SessionReportBuilder.Build(Sources());

    /// <summary>This report against the newest saved one of the same scenario that started earlier; null when there is none.</summary>
    public ReportComparison? CompareWithPrevious(SessionReport report) =>
        store.Previous(report) is { } previous ? ReportComparison.Compare(report, previous) : null;
}
