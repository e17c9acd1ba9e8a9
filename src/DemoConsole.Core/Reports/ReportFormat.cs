using System.Globalization;
using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Reports;

/// <summary>How the report writes its figures, the same in Markdown, HTML and on the page.</summary>
public static class ReportFormat
{
    /// <summary>"3:07" (minutes:seconds), "1:02:03" past an hour.</summary>
    public static string Clock(TimeSpan value) => value.TotalHours >= 1
        ? value.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalMinutes}:{value.Seconds:00}");

    public static string Ms(TimeSpan value) => string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds:0.#} ms");

    public static string Seconds(double? seconds) => seconds is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s:0.0} s") : "—";

    public static string Percent(double? share) => share is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s * 100:0.#}%") : "—";

    public static string Time(DateTimeOffset? at) => at is { } t ? t.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "—";

    /// <summary>"100 × 200, 3 × 503"; "no responses" in <paramref name="language"/> (default: the current UI language).</summary>
    public static string Statuses(IReadOnlyDictionary<int, long> counts, CultureInfo? language = null) =>
        counts.Count == 0 ? new ReportText(language)["Load_NoResponses"] : string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Value} × {c.Key}"));

    /// <summary>A pipeline's outcome as saved (the enum's name) in words; a name this version does not know as it is.</summary>
    private static string Outcome(string saved, ReportText t) =>
        Enum.TryParse<Pipeline.PipelineOutcome>(saved, out var outcome) && Enum.IsDefined(outcome) ? t["Pipeline_Outcome_" + outcome] : saved.ToLowerInvariant();

    /// <summary>The figures of a run on one line, in <paramref name="language"/> (default: the current UI language).</summary>
    public static string Figures(RunReport run, CultureInfo? language = null)
    {
        var t = new ReportText(language);
        if (run.Load is { } l)
        {
            var expectation = l.Expectation is null ? ""
                : t["Report_ExpectationFigure", (object?)l.ExpectationText ?? l.Expectation, Percent(l.ExpectationShare), t[l.ExpectationPassed == true ? "Report_Passed" : "Report_Failed"]];
            var errors = l.Errors > 0 ? t["Report_Errors", l.Errors] : "";
            return t["Report_LoadFigures", l.Completed, Statuses(l.StatusCounts, t.Language) + errors, Ms(l.P50), Ms(l.P95), Ms(l.P99), Ms(l.Max)] + expectation;
        }

        if (run.Recovery is { } r)
        {
            var availability = r.NotMeasured is { } why
                ? t["Report_AvailabilityNotMeasured", why]
                : t["Report_Availability", Percent(r.Availability), r.Requests - r.Failed, r.Requests];
            return t["Report_RecoveryFigures", r.KilledPod, r.ReplacementPod ?? t["Report_NoReplacement"], Seconds(r.RecoverySeconds), availability];
        }

        if (run.Commit is { } c)
        {
            var stages = string.Join(", ", c.Stages.Select(s => $"{s.Stage} {(s.Duration is { } d ? Clock(d) : s.State.ToLowerInvariant())}"));
            return t["Report_CommitFigures", c.Sha?[..Math.Min(7, c.Sha.Length)] ?? t["Report_NoCommit"], Outcome(c.Outcome, t), Clock(c.CommitToRunning), Clock(c.Budget), stages];
        }

        return run.Text is { } text ? t.Of(text) : run.Message ?? "";
    }
}
