namespace DemoConsole.Core.Pipeline;

/// <summary>One step of an Actions job (GitHub's status: queued, in_progress, completed; conclusion once completed).</summary>
public sealed record PipelineStepView(int Number, string Name, string Status, string? Conclusion, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt)
{
    public TimeSpan? Duration => StartedAt is { } s && CompletedAt is { } c ? c - s : null;

    public bool Failed => Conclusion is "failure" or "cancelled" or "timed_out";
}
