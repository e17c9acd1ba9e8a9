using DemoConsole.Core.Actions;
using System.Text.Json.Serialization;
using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>Where a kill's recovery stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecoveryState>))]
public enum RecoveryState
{
    /// <summary>The delete was sent; no replacement seen yet.</summary>
    Deleting,

    /// <summary>A replacement exists and is coming up.</summary>
    Recovering,

    /// <summary>The replacement is Ready: <see cref="RecoveryTimeline.RecoverySeconds"/> is known.</summary>
    Recovered,

    /// <summary>No Ready replacement within the recovery timeout, or the run was stopped.</summary>
    Incomplete,
}

/// <summary>
/// One kill as the screens show it, live and as the run's final result: the steps seen in watch events with
/// their times, the recovery time, and the gateway's availability meanwhile. Immutable; replaced as it grows.
/// </summary>
public sealed record RecoveryTimeline : IActionResult
{
    public required string Namespace { get; init; }

    /// <summary>"Deployment/prod-blog-service-deployment".</summary>
    public required string Workload { get; init; }

    public required string KilledPod { get; init; }

    public string? ReplacementPod { get; init; }

    public string? ReplacementNode { get; init; }

    public required RecoveryState State { get; init; }

    /// <summary>The six steps in their canonical order; a step not seen yet has no time.</summary>
    public required IReadOnlyList<RecoveryStep> Steps { get; init; }

    /// <summary>Delete requested → replacement Ready, in seconds; null until the replacement is Ready.</summary>
    public double? RecoverySeconds { get; init; }

    /// <summary>Requests sent to the gateway while the replacement came up.</summary>
    public required AvailabilityCounts Availability { get; init; }
}

/// <summary>
/// One step of a recovery: <c>delete-requested</c>, <c>terminating</c>, <c>replacement-created</c>, <c>scheduled</c>,
/// <c>containers-running</c> or <c>ready</c>, with the time it was seen and its offset from the delete request.
/// </summary>
public sealed record RecoveryStep(string Key, string Label, DateTimeOffset? At, double? Seconds)
{
    public bool Done => At is not null;
}

/// <summary>"N requests, M failed" with the status counts: the "no interruption" claim, measured.</summary>
public sealed record AvailabilityCounts
{
    /// <summary>Requests finished (a response or an error).</summary>
    public long Requests { get; init; }

    /// <summary>Requests without a 2xx/3xx response: error statuses plus transport errors.</summary>
    public long Failed { get; init; }

    /// <summary>Responses per HTTP status.</summary>
    public IReadOnlyDictionary<int, long> StatusCounts { get; init; } = new Dictionary<int, long>();

    /// <summary>Requests that got no response (refused, reset, timed out).</summary>
    public long Errors { get; init; }

    /// <summary>Why availability was not measured (no gateway configured, load caps refused); null when it was.</summary>
    public UiMessage? NotMeasured { get; init; }

    public static AvailabilityCounts Unmeasured(UiMessage reason) => new() { NotMeasured = reason };
}
