using System.Text.Json.Serialization;
using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Pipeline;

/// <summary>
/// Everything known about one demo commit's way to running pods, immutable: the commit, the workflow runs with jobs
/// and steps, the CD commit and its image tag, Argo CD's sync, the rollout, the five stages with their times, and the
/// stopwatch from the commit to the last new pod Ready (it stops at a failure).
/// </summary>
public sealed record PipelineSnapshot(
    PipelineCommitView Commit,
    IReadOnlyList<PipelineRunView> Runs,
    PipelineCommitView? DeployCommit,
    string? NewImageTag,
    ArgoSyncView? Argo,
    RolloutView? Rollout,
    IReadOnlyList<PipelineStage> Stages,
    PipelineOutcome Outcome,
    PipelineFailure? Failure,
    string? Problem,
    TimeSpan Elapsed,
    GitHubRequestStats Requests,
    long Version,
    DateTimeOffset UpdatedAt)
{
    /// <summary><see cref="Problem"/> for a screen, in its language; not serialised (a recording keeps the English).</summary>
    [JsonIgnore]
    public UiMessage? ProblemText { get; init; }

    public PipelineStage Stage(PipelineStageKind kind) => Stages.First(s => s.Kind == kind);

    public bool IsFinished => Outcome != PipelineOutcome.Running;
}
