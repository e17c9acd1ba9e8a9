using DemoConsole.Core.Actions;
using DemoConsole.Core.Cluster.Actions;
using DemoConsole.Core.Load;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Pipeline;

namespace DemoConsole.Core.Reports;

/// <summary>
/// Builds a <see cref="SessionReport"/> from <see cref="ReportSources"/>. Every figure is copied or derived from a run
/// result here and nowhere else, so the report says exactly what the runs measured.
/// </summary>
public static class SessionReportBuilder
{
    public static SessionReport Build(ReportSources sources)
    {
        var (scenario, session, now) = (sources.Scenario, sources.Session, sources.Now);
        var timers = session.Timers;
        var runs = sources.Runs.OrderBy(r => r.StartedAt).Select(Run).ToList();
        var presenters = new[] { session.Driver }.Concat(sources.Runs.OrderBy(r => r.StartedAt).Select(r => r.StartedBy))
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();

        return new SessionReport
        {
            Scenario = scenario.Title,
            Source = scenario.Source,
            StartedAt = timers.StartedAt,
            GeneratedAt = now,
            Presenters = presenters,
            Parts = scenario.Parts.Select(p => new PartTime(p.Number, p.Label, p.Title, p.Budget, timers.PartElapsed(p.Number, now))).ToList(),
            TotalSpent = timers.TotalElapsed(now),
            TotalTarget = scenario.Budget.Target,
            TotalLimit = scenario.Budget.Limit,
            Runs = runs,
            Checklist = scenario.Checklists.SelectMany(c => c.Items.Select(i =>
                session.Checklist.TryGetValue(i.Id, out var mark)
                    ? new ChecklistLine(c.Title, i.Id, i.Text, true, mark.By, mark.At)
                    : new ChecklistLine(c.Title, i.Id, i.Text, false, null, null))).ToList(),
            Alerts = sources.Journal.Alerts.OrderBy(a => a.FirstSeen).ToList(),
            AlertsNotWatched = NotWatched(sources.Journal)?.ToString(),
            AlertsNotWatchedText = NotWatched(sources.Journal),
            Problems = runs.Where(r => r.Status is ActionRunStatus.Failed or ActionRunStatus.Refused)
                .Select(r => ProblemLine.Of(r.EndedAt ?? r.StartedAt, r.Status == ActionRunStatus.Failed ? "failed" : "refused",
                    new UiMessage("Report_RunProblem", r.Title, (object?)r.Text ?? r.Message)))
                .Concat(sources.Refusals.Select(r => ProblemLine.Of(r.At, "refused", new UiMessage("Report_RefusalProblem", r.ActionId, r.Actor, (object?)r.Why ?? r.Reason))))
                .Concat(sources.Journal.Problems)
                .OrderBy(p => p.At)
                .ToList(),
        };
    }

    private static UiMessage? NotWatched(JournalSnapshot journal) =>
        journal.AlertsWatched ? null : journal.AlertsNotWatched ?? new UiMessage("Report_AlertsNotWatched");

    private static RunReport Run(ActionRunSnapshot run) => new(
        run.RunId, run.ActionId, run.Title, run.Kind, run.Part, run.StartedBy, run.StartedAt, run.EndedAt, run.Status, run.Message?.ToString())
    {
        Text = run.Message,
        Load = run.Result is LoadSnapshot load ? Load(load) : null,
        Recovery = run.Result is RecoveryTimeline recovery ? Recovery(recovery) : null,
        Commit = run.Result is DemoCommitProgress { Pipeline: { } pipeline } commit ? Commit(commit, pipeline) : null,
    };

    private static LoadFigures Load(LoadSnapshot s) => new(
        s.Completed, s.Errors, s.AchievedRps, s.Latency.P50, s.Latency.P95, s.Latency.P99, s.Latency.Max,
        s.StatusCounts, s.Expectation?.Expectation.Description, s.Expectation?.Passed, s.Expectation?.Share,
        s.Timeline.Select(t => new SecondPoint(t.Second, t.Completed, t.Errors, t.P50?.TotalMilliseconds, t.P99?.TotalMilliseconds)).ToList(),
        s.Requests.Select(r => r.Latency.TotalMilliseconds).ToList())
    {
        ExpectationText = s.Expectation?.Expectation.Text,
    };

    private static RecoveryFigures Recovery(RecoveryTimeline t) => new(
        t.Workload, t.KilledPod, t.ReplacementPod, t.RecoverySeconds, t.Availability.Requests, t.Availability.Failed, t.Availability.NotMeasured?.ToString());

    private static CommitFigures Commit(DemoCommitProgress commit, PipelineSnapshot pipeline) => new(
        commit.Sha, pipeline.Outcome.ToString(), pipeline.Elapsed, commit.Budget,
        pipeline.Stages.Select(s => new StageTime(s.Kind.ToString(), s.State.ToString(), s.Duration)).ToList());
}
