using System.Globalization;

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

    public static string Statuses(IReadOnlyDictionary<int, long> counts) =>
        counts.Count == 0 ? "no responses" : string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Value} × {c.Key}"));

    /// <summary>The figures of a run on one line: what a reader compares between rehearsals.</summary>
    public static string Figures(RunReport run)
    {
        if (run.Load is { } l)
        {
            var expectation = l.Expectation is null ? "" : $" · {l.Expectation}: {Percent(l.ExpectationShare)} {(l.ExpectationPassed == true ? "passed" : "failed")}";
            return string.Create(CultureInfo.InvariantCulture,
                $"{l.Completed} requests ({Statuses(l.StatusCounts)}{(l.Errors > 0 ? $", {l.Errors} errors" : "")}) · p50 {Ms(l.P50)} · p95 {Ms(l.P95)} · p99 {Ms(l.P99)} · max {Ms(l.Max)}{expectation}");
        }

        if (run.Recovery is { } r)
        {
            var availability = r.NotMeasured is { } why ? $"availability not measured ({why})" : $"availability {Percent(r.Availability)} ({r.Requests - r.Failed}/{r.Requests})";
            return $"{r.KilledPod} → {r.ReplacementPod ?? "no replacement"} · recovered in {Seconds(r.RecoverySeconds)} · {availability}";
        }

        if (run.Commit is { } c)
        {
            var stages = string.Join(", ", c.Stages.Select(s => $"{s.Stage} {(s.Duration is { } d ? Clock(d) : s.State.ToLowerInvariant())}"));
            return $"{c.Sha?[..Math.Min(7, c.Sha.Length)] ?? "no commit"} · {c.Outcome.ToLowerInvariant()} · commit to running {Clock(c.CommitToRunning)} (budget {Clock(c.Budget)}) · {stages}";
        }

        return run.Message ?? "";
    }
}
