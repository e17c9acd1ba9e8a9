using System.Globalization;
using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Reports;

/// <summary>This run-through against an earlier one: which parts ran over, and which figures moved.</summary>
/// <param name="PartsOver">Parts over budget this time, with the earlier time of each.</param>
/// <param name="Figures">Figures of actions that ran both times (each action's last run), earlier and now.</param>
public sealed record ReportComparison(DateTimeOffset PreviousDate, TimeSpan PreviousTotal, TimeSpan Total, IReadOnlyList<PartChange> Parts, IReadOnlyList<FigureChange> Figures)
{
    public IEnumerable<PartChange> PartsOver => Parts.Where(p => p.Over);

    /// <summary>The comparison in English sentences.</summary>
    public IReadOnlyList<string> Lines => LinesIn(CultureInfo.GetCultureInfo("en"));

    /// <summary>The comparison in sentences in <paramref name="language"/>: the report page, the Markdown and HTML files.</summary>
    public IReadOnlyList<string> LinesIn(CultureInfo language)
    {
        var t = new ReportText(language);
        return
        [
            t["Report_CompareTotal", ReportFormat.Clock(Total), ReportFormat.Clock(PreviousTotal), Signed(Total - PreviousTotal)],
            .. Parts.Where(p => p.Over || p.WasOver).Select(p => t[p.Over ? "Report_ComparePartOver" : "Report_ComparePartBack",
                p.Label, ReportFormat.Clock(p.Spent), ReportFormat.Clock(p.Budget), ReportFormat.Clock(p.PreviousSpent)]),
            .. Figures.Where(f => f.Moved).Select(f => $"{f.Title} — {t["Report_Figure_" + f.Figure]}: {f.Previous} → {f.Current}"),
        ];
    }

    public static ReportComparison Compare(SessionReport current, SessionReport previous)
    {
        var parts = current.Parts.Join(previous.Parts, p => p.Number, p => p.Number, (now, before) =>
            new PartChange(now.Number, now.Label, now.Budget, now.Spent, before.Spent, now.Over, before.Over)).ToList();

        var figures = new List<FigureChange>();
        foreach (var now in LastRuns(current))
        {
            if (LastRuns(previous).FirstOrDefault(r => r.ActionId == now.ActionId) is not { } before)
            {
                continue;
            }

            figures.AddRange(Compare(now, before));
        }

        return new ReportComparison(previous.StartedAt ?? previous.GeneratedAt, previous.TotalSpent, current.TotalSpent, parts, figures);
    }

    private static IEnumerable<FigureChange> Compare(RunReport now, RunReport before)
    {
        FigureChange Change(string figure, string was, string @is) => new(now.ActionId, now.Title, figure, was, @is);

        yield return Change("status", Lower(before.Status), Lower(now.Status));
        if (now.Load is { } l && before.Load is { } bl)
        {
            yield return Change("p95", ReportFormat.Ms(bl.P95), ReportFormat.Ms(l.P95));
            yield return Change("p99", ReportFormat.Ms(bl.P99), ReportFormat.Ms(l.P99));
            // Compared in one language (English), whatever language the report is read in.
            yield return Change("statuses", ReportFormat.Statuses(bl.StatusCounts, English), ReportFormat.Statuses(l.StatusCounts, English));
            yield return Change("expectation", Passed(bl.ExpectationPassed), Passed(l.ExpectationPassed));
        }

        if (now.Recovery is { } r && before.Recovery is { } br)
        {
            yield return Change("recovery", ReportFormat.Seconds(br.RecoverySeconds), ReportFormat.Seconds(r.RecoverySeconds));
            yield return Change("availability", ReportFormat.Percent(br.Availability), ReportFormat.Percent(r.Availability));
        }

        if (now.Commit is { } c && before.Commit is { } bc)
        {
            yield return Change("commit-to-running", ReportFormat.Clock(bc.CommitToRunning), ReportFormat.Clock(c.CommitToRunning));
        }
    }

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private static IEnumerable<RunReport> LastRuns(SessionReport report) =>
        report.Runs.GroupBy(r => r.ActionId, StringComparer.Ordinal).Select(g => g.MaxBy(r => r.StartedAt)!);

    private static string Lower(Actions.ActionRunStatus status) => status.ToString().ToLowerInvariant();

    private static string Passed(bool? passed) => passed switch { true => "passed", false => "failed", null => "—" };

    private static string Signed(TimeSpan delta) =>
        (delta < TimeSpan.Zero ? "−" : "+") + ReportFormat.Clock(delta.Duration());
}

public sealed record PartChange(int Number, string Label, TimeSpan Budget, TimeSpan Spent, TimeSpan PreviousSpent, bool Over, bool WasOver)
{
    public TimeSpan Delta => Spent - PreviousSpent;
}

/// <param name="Previous">The earlier value as the report writes it.</param>
public sealed record FigureChange(string ActionId, string Title, string Figure, string Previous, string Current)
{
    public bool Moved => !string.Equals(Previous, Current, StringComparison.Ordinal);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Title} {Figure}: {Previous} → {Current}");
}
