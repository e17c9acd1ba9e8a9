namespace DemoConsole.Core.Pipeline;

/// <summary>One job of a workflow run with its steps; <see cref="HtmlUrl"/> is the job's log page.</summary>
public sealed record PipelineJobView(long Id, string Name, string Status, string? Conclusion, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt,
    string HtmlUrl, IReadOnlyList<PipelineStepView> Steps)
{
    public TimeSpan? Duration => StartedAt is { } s && CompletedAt is { } c ? c - s : null;

    /// <summary>The first failed step, if any.</summary>
    public PipelineStepView? FailedStep => Steps.FirstOrDefault(s => s.Failed);

    /// <summary>The step running now, if any.</summary>
    public PipelineStepView? CurrentStep => Steps.FirstOrDefault(s => s.Status == "in_progress");
}
