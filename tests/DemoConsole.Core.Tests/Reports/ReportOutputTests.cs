using System.Text.Json;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Cluster;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Observability;
using DemoConsole.Core.Reports;
using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Tests.Reports;

/// <summary>Markdown, HTML, saving, comparing and the journal of a report built from typed session pieces.</summary>
public sealed class ReportOutputTests
{
    private static readonly Scenario Scenario = DefaultScenario.Load();

    private static SessionReport Report(ActionRunSnapshot? extra = null, string? presenter = null)
    {
        var session = ReportFixtures.Session(Scenario, Scenario.Checklists[0].Items[0].Id);
        session = presenter is null ? session : session with { Driver = presenter };
        var runs = new[] { ReportFixtures.CommitRun(), ReportFixtures.FailedRun(), extra }.OfType<ActionRunSnapshot>().ToList();
        return SessionReportBuilder.Build(new ReportSources(Scenario, session, runs, JournalSnapshot.Empty, ReportFixtures.T0.AddMinutes(9)));
    }

    [Fact]
    public void Markdown_NamesPartsOverBudgetTheCommitFiguresAndProblems()
    {
        var md = ReportMarkdown.Write(Report());

        Assert.Contains("| 3부 | 모니터링 시스템 시연 | 7:00 | 5:00 | **over** |", md, StringComparison.Ordinal);
        Assert.Contains("commit to running 2:51 (budget 5:00)", md, StringComparison.Ordinal);
        Assert.Contains("- [x] ", md, StringComparison.Ordinal);
        Assert.Contains("[failed] Gateway undo: There is no earlier revision.", md, StringComparison.Ordinal);
        Assert.Contains("Not known: the alerts were not watched during this session.", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RefusedStarts_AreProblemsInTimeOrder()
    {
        var session = ReportFixtures.Session(Scenario, Scenario.Checklists[0].Items[0].Id);
        var refused = new RefusedStart("kill-blog-pod", "pod-kill", "alice", "The previous pod was deleted 3 s ago: wait 27 s more.", ReportFixtures.T0.AddMinutes(8));
        var sources = new ReportSources(Scenario, session, [ReportFixtures.FailedRun()], JournalSnapshot.Empty, ReportFixtures.T0.AddMinutes(9)) { Refusals = [refused] };

        var report = SessionReportBuilder.Build(sources);

        Assert.Equal(["failed", "refused"], report.Problems.Select(p => p.Kind));
        Assert.Equal("kill-blog-pod (alice): The previous pod was deleted 3 s ago: wait 27 s more.", report.Problems[1].Text);
    }

    [Fact]
    public void Html_EncodesTextFromTheScenarioAndRunsAndHasNoScript()
    {
        var hostile = ReportFixtures.FailedRun() with { RunId = "x", Title = "<script>alert(1)</script>", Message = UiMessage.Verbatim("<img src=x onerror=alert(2)>") };

        var html = ReportHtml.Write(Report(hostile, presenter: "<b>mallory</b>"));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>mallory", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_TextWithPipesAndLineBreaks_StaysInItsCell()
    {
        var run = ReportFixtures.FailedRun() with { RunId = "y", Title = "a | b\nc" };

        var md = ReportMarkdown.Write(Report(run));

        Assert.Contains("**a \\| b c**", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_WithAnEarlierReport_NamesThePartOverAndTheFiguresThatMoved()
    {
        var earlier = Report() with { StartedAt = ReportFixtures.T0.AddDays(-1) };
        earlier = earlier with
        {
            Parts = earlier.Parts.Select(p => p.Number == 3 ? p with { Spent = TimeSpan.FromMinutes(4) } : p).ToList(),
            Runs = earlier.Runs.Select(r => r.Commit is { } c ? r with { Commit = c with { CommitToRunning = TimeSpan.FromSeconds(150) } } : r).ToList(),
        };

        var comparison = ReportComparison.Compare(Report(), earlier);

        var part = Assert.Single(comparison.PartsOver);
        Assert.Equal((3, TimeSpan.FromMinutes(7), TimeSpan.FromMinutes(4), false), (part.Number, part.Spent, part.PreviousSpent, part.WasOver));
        var moved = Assert.Single(comparison.Figures, f => f.Moved);
        Assert.Equal(("demo-commit", "commit-to-running", "2:30", "2:51"), (moved.ActionId, moved.Figure, moved.Previous, moved.Current));
        Assert.Contains("3부 ran over: 7:00 of 5:00 (earlier 4:00)", comparison.Lines);
    }

    [Fact]
    public void Store_SaveThenPrevious_ReadsBackTheEarlierReportOfTheSameScenario()
    {
        var folder = Directory.CreateTempSubdirectory("reports-").FullName;
        var store = new ReportStore(folder);
        var earlier = Report() with { StartedAt = ReportFixtures.T0.AddDays(-1) };
        var current = Report();

        var (file, problem) = store.Save(earlier);
        File.WriteAllText(Path.Combine(store.Folder!, "00000000-broken.json"), "{ not json");
        var previous = store.Previous(current);

        Assert.Null(problem);
        Assert.True(File.Exists(file));
        Assert.NotNull(previous);
        Assert.Equal(JsonSerializer.Serialize(earlier), JsonSerializer.Serialize(previous));
        Assert.Null(store.Previous(earlier));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Store_WithoutStateFolder_SaysWhyNothingIsKept()
    {
        var (file, problem) = new ReportStore(null).Save(Report());

        Assert.Null(file);
        Assert.Contains("DemoConsole:StateFile", problem?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Journal_AlertsAndConnectionBanners_BecomeReportLines()
    {
        var journal = new SessionJournal();
        var t = ReportFixtures.T0;
        var firing = new AlertsSnapshot { Health = new MetricsHealth(MetricsState.Up, null, t), Firing = [new FiringAlert("HighErrorRate", "5xx over 5%", "critical", null, 0.2)] };

        journal.ObserveAlerts(new AlertsSnapshot { Health = new MetricsHealth(MetricsState.Up, null, t) }, t);
        journal.ObserveAlerts(firing, t.AddSeconds(10));
        journal.ObserveAlerts(firing, t.AddSeconds(20));
        journal.ObserveConnection(new ConnectionStatus(ConnectionState.Connected, null, t), t);
        journal.ObserveConnection(new ConnectionStatus(ConnectionState.Reconnecting, UiMessage.Verbatim("connection refused"), t), t.AddSeconds(30));
        journal.ObserveConnection(new ConnectionStatus(ConnectionState.Reconnecting, UiMessage.Verbatim("connection refused"), t), t.AddSeconds(31));
        journal.ObserveConnection(new ConnectionStatus(ConnectionState.Connected, null, t), t.AddSeconds(40));

        var snapshot = journal.Current;
        var alert = Assert.Single(snapshot.Alerts);
        Assert.Equal(("HighErrorRate", t.AddSeconds(10), t.AddSeconds(20)), (alert.Name, alert.FirstSeen, alert.LastSeen));
        Assert.True(snapshot.AlertsWatched);
        Assert.Equal(["Cluster connection lost, reconnecting: connection refused", "Cluster connection back"], snapshot.Problems.Select(p => p.Text));
    }
}
