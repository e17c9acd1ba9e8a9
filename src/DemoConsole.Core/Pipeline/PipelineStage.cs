namespace DemoConsole.Core.Pipeline;

/// <summary>
/// One stage with its times. Stages are contiguous (each starts when the previous one finished), so their durations
/// add up to the stopwatch: CI and CD times are GitHub's, sync and rollout are when the console saw them.
/// </summary>
public sealed record PipelineStage(PipelineStageKind Kind, PipelineStageState State, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string Detail)
{
    public TimeSpan? Duration => StartedAt is { } s && FinishedAt is { } f ? (f > s ? f - s : TimeSpan.Zero) : null;
}
