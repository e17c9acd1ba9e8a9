using DemoConsole.Core.Actions;
namespace DemoConsole.Core.Load;

/// <summary>
/// An immutable picture of a run at one moment; safe to keep, render or serialize from any thread.
/// </summary>
public sealed record LoadSnapshot : IActionResult
{
    /// <summary>The run this picture belongs to.</summary>
    public required Guid RunId { get; init; }

    /// <summary>Where the run is in its lifecycle.</summary>
    public required LoadRunState State { get; init; }

    /// <summary>Increases whenever anything counted changes; equal versions mean equal figures.</summary>
    public required long Version { get; init; }

    /// <summary>Time since the run started (frozen once it ended).</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Requests started (scheduled and not dropped).</summary>
    public required long Sent { get; init; }

    /// <summary>Requests finished: with a response (<see cref="Responses"/>) or an error (<see cref="Errors"/>).</summary>
    public required long Completed { get; init; }

    /// <summary>Requests that got an HTTP response, whatever its status.</summary>
    public required long Responses { get; init; }

    /// <summary>Requests that got no response; see <see cref="ErrorCounts"/>.</summary>
    public required long Errors { get; init; }

    /// <summary>Scheduled starts not made because the in-flight limit was reached (open-style models).</summary>
    public required long Dropped { get; init; }

    /// <summary>Requests cut off by a stop before they finished; counted neither as completed nor as errors.</summary>
    public required long Aborted { get; init; }

    /// <summary>Requests sent and not yet finished.</summary>
    public long InFlight => Math.Max(0, Sent - Completed - Aborted);

    /// <summary>Finished requests per second over <see cref="Elapsed"/>.</summary>
    public required double AchievedRps { get; init; }

    /// <summary>0..1 for runs with a count or duration; 0 for steady runs, which have no end until stopped.</summary>
    public required double Progress { get; init; }

    /// <summary>Per-second counts; steady runs keep only the latest seconds.</summary>
    public required IReadOnlyList<LoadSecond> Timeline { get; init; }

    /// <summary>Latency from the intended start: corrected for coordinated omission.</summary>
    public required LatencySummary Latency { get; init; }

    /// <summary>Latency from the actual send, as a closed-loop tool would report it.</summary>
    public required LatencySummary ServiceLatency { get; init; }

    /// <summary>How late actual sends were against the schedule (includes waiting for a free connection).</summary>
    public required LatencySummary ScheduleLag { get; init; }

    /// <summary>Responses per HTTP status code.</summary>
    public required IReadOnlyDictionary<int, long> StatusCounts { get; init; }

    /// <summary>Errors per class; classes that did not occur are absent.</summary>
    public required IReadOnlyDictionary<LoadErrorClass, long> ErrorCounts { get; init; }

    /// <summary>Finished requests in completion order: sequences (latest 1,000) and steady runs (latest 100); empty otherwise.</summary>
    public required IReadOnlyList<RequestLine> Requests { get; init; }

    /// <summary>The plan's expectation checked against the figures so far; null without one.</summary>
    public ExpectationOutcome? Expectation { get; init; }

    /// <summary>Why the run failed, when <see cref="State"/> is <see cref="LoadRunState.Failed"/>.</summary>
    public string? Failure { get; init; }
}
