using System.Text.Json.Serialization;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Reports;

/// <summary>
/// The summary of one run-through, as plain data: built from run results by <see cref="SessionReportBuilder"/> (live
/// now, from a recording later), written as Markdown or HTML, saved as JSON and compared with an earlier one.
/// </summary>
public sealed record SessionReport
{
    public required string Scenario { get; init; }

    /// <summary>The scenario file (or "default").</summary>
    public required string Source { get; init; }

    /// <summary>When the demo's timers started, or null when they never did.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>Who drove, then everyone else who ran an action.</summary>
    public required IReadOnlyList<string> Presenters { get; init; }

    public required IReadOnlyList<PartTime> Parts { get; init; }

    public required TimeSpan TotalSpent { get; init; }

    public required TimeSpan TotalTarget { get; init; }

    public required TimeSpan TotalLimit { get; init; }

    /// <summary>Every run, oldest first.</summary>
    public required IReadOnlyList<RunReport> Runs { get; init; }

    public required IReadOnlyList<ChecklistLine> Checklist { get; init; }

    public required IReadOnlyList<AlertLine> Alerts { get; init; }

    /// <summary>Null when alerts were not watched (no metrics source), so "none fired" is never claimed without looking.</summary>
    public string? AlertsNotWatched { get; init; }

    /// <summary><see cref="AlertsNotWatched"/> for a reader in their language; not saved (a saved report keeps the English).</summary>
    [JsonIgnore]
    public UiMessage? AlertsNotWatchedText { get; init; }

    public required IReadOnlyList<ProblemLine> Problems { get; init; }

    public bool OverTarget => TotalSpent > TotalTarget;
}

/// <param name="Spent">Time on the part's page with the timers running (a part visited twice counts both visits).</param>
public sealed record PartTime(int Number, string Label, string Title, TimeSpan Budget, TimeSpan Spent)
{
    public bool Over => Budget > TimeSpan.Zero && Spent > Budget;
}

/// <summary>One action run and its figures; exactly one of the figure sets is present for kinds that have one.</summary>
public sealed record RunReport(
    string RunId, string ActionId, string Title, string Kind, int? Part, string StartedBy,
    DateTimeOffset StartedAt, DateTimeOffset? EndedAt, ActionRunStatus Status, string? Message)
{
    public LoadFigures? Load { get; init; }

    public RecoveryFigures? Recovery { get; init; }

    public CommitFigures? Commit { get; init; }

    /// <summary><see cref="Message"/> for a reader in their language; not saved.</summary>
    [JsonIgnore]
    public UiMessage? Text { get; init; }

    public TimeSpan? Duration => EndedAt - StartedAt;
}

/// <summary>A burst's or sequence's figures: latency percentiles from the intended start, status counts, the expectation.</summary>
public sealed record LoadFigures(
    long Completed, long Errors, double AchievedRps, TimeSpan P50, TimeSpan P95, TimeSpan P99, TimeSpan Max,
    IReadOnlyDictionary<int, long> StatusCounts, string? Expectation, bool? ExpectationPassed, double? ExpectationShare,
    IReadOnlyList<SecondPoint> PerSecond, IReadOnlyList<double> RequestLatenciesMs)
{
    /// <summary><see cref="Expectation"/> for a reader in their language; not saved (a saved report keeps the English).</summary>
    [JsonIgnore]
    public UiMessage? ExpectationText { get; init; }
}

/// <summary>One second of a load run: requests finished and errors in that second, and the latency of its answers (null: none).</summary>
public sealed record SecondPoint(int Second, long Completed, long Errors, double? P50Ms = null, double? P99Ms = null);

/// <summary>A pod kill: delete → replacement Ready, and the gateway's answers meanwhile.</summary>
public sealed record RecoveryFigures(string Workload, string KilledPod, string? ReplacementPod, double? RecoverySeconds, long Requests, long Failed, string? NotMeasured)
{
    /// <summary>Share of requests answered 2xx/3xx while the replacement came up; null when not measured.</summary>
    public double? Availability => NotMeasured is null && Requests > 0 ? (double)(Requests - Failed) / Requests : null;
}

/// <summary>The demo commit: commit to new pods Ready, and each stage's share of it.</summary>
public sealed record CommitFigures(string? Sha, string Outcome, TimeSpan CommitToRunning, TimeSpan Budget, IReadOnlyList<StageTime> Stages);

public sealed record StageTime(string Stage, string State, TimeSpan? Duration);

public sealed record ChecklistLine(string Checklist, string ItemId, string Text, bool Done, string? By, DateTimeOffset? At);

/// <param name="FirstSeen">When the console first saw it firing (or its own "since" when the source gives one).</param>
public sealed record AlertLine(string Name, string? Severity, string? Summary, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);

/// <param name="Kind">"failed", "refused", "cluster", "stopped", ...</param>
public sealed record ProblemLine(DateTimeOffset At, string Kind, string Text)
{
    /// <summary><see cref="Text"/> for a reader in their language; not saved (a saved report keeps the English).</summary>
    [JsonIgnore]
    public UiMessage? Message { get; init; }

    public static ProblemLine Of(DateTimeOffset at, string kind, UiMessage message) => new(at, kind, message.ToString()) { Message = message };
}
