using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Pipeline;

/// <summary>Builds the five contiguous stages from what GitHub and the cluster say, and the outcome and stopwatch from them.</summary>
internal static class PipelineStages
{
    public static IReadOnlyList<PipelineStage> Build(PipelineFollowRequest request, GitHubProgress github, ArgoSyncView? argo, RolloutView? rollout, StageMarks marks)
    {
        var runs = github.Runs.Where(r => r.HeadSha == request.CommitSha).ToList();
        var commit = PipelineStage.Of(PipelineStageKind.Commit, PipelineStageState.Succeeded, request.CommittedAt, request.CommittedAt,
            UiMessage.Verbatim($"{request.CommitSha[..Math.Min(7, request.CommitSha.Length)]} {request.Message}"));
        var ci = RunsStage(PipelineStageKind.Ci, runs.Where(r => r.IsCi).ToList(), commit, new UiMessage("Pipeline_WaitingCiQueued"));
        var cd = Cd(runs.Where(r => !r.IsCi).ToList(), ci, github);
        var sync = Sync(cd, argo, marks, request);
        var roll = Rollout(sync, rollout, marks, github.NewTag);
        return [commit, ci, cd, sync, roll];
    }

    private static PipelineStage RunsStage(PipelineStageKind kind, IReadOnlyList<PipelineRunView> runs, PipelineStage previous, UiMessage waiting)
    {
        if (runs.Count == 0)
        {
            return PipelineStage.Of(kind, PipelineStageState.Running, previous.FinishedAt, null, waiting);
        }

        var last = runs.Max(r => r.UpdatedAt);
        if (runs.FirstOrDefault(r => r.Failed) is { } failed)
        {
            var step = failed.Jobs.Select(j => j.FailedStep).FirstOrDefault(s => s is not null);
            return PipelineStage.Of(kind, PipelineStageState.Failed, previous.FinishedAt, last, step is null ? new UiMessage("Pipeline_RunFailed", failed.Workflow, failed.RunNumber) : new UiMessage("Pipeline_RunFailedAt", failed.Workflow, failed.RunNumber, step.Name));
        }

        if (runs.All(r => r.Succeeded))
        {
            return PipelineStage.Of(kind, PipelineStageState.Succeeded, previous.FinishedAt, last, new UiMessage("Pipeline_RunsSucceeded", string.Join(", ", runs.Select(r => $"{r.Workflow} #{r.RunNumber}"))));
        }

        var running = runs.First(r => !r.IsCompleted);
        var job = running.Jobs.FirstOrDefault(j => j.CurrentStep is not null);
        return PipelineStage.Of(kind, PipelineStageState.Running, previous.FinishedAt, null,
            job is null ? new UiMessage("Pipeline_RunStatus", running.Workflow, running.RunNumber, running.Status.Replace('_', ' '))
                : UiMessage.Verbatim($"{running.Workflow} #{running.RunNumber}: {job.Name} — {job.CurrentStep!.Name}"));
    }

    private static PipelineStage Cd(IReadOnlyList<PipelineRunView> runs, PipelineStage ci, GitHubProgress github)
    {
        if (ci.State != PipelineStageState.Succeeded)
        {
            return PipelineStage.Of(PipelineStageKind.Cd, PipelineStageState.Pending, null, null, new UiMessage(ci.State == PipelineStageState.Failed ? "Pipeline_CdNotStarted" : "Pipeline_WaitingCi"));
        }

        var stage = RunsStage(PipelineStageKind.Cd, runs, ci, new UiMessage("Pipeline_WaitingCdRun"));
        if (stage.State == PipelineStageState.Failed)
        {
            return stage;
        }

        return github.DeployCommit is { } deploy
            ? PipelineStage.Of(PipelineStageKind.Cd, PipelineStageState.Succeeded, ci.FinishedAt, deploy.At, new UiMessage("Pipeline_ImageTagSet", deploy.ShortSha, github.NewTag))
            : stage with { State = PipelineStageState.Running, FinishedAt = null };
    }

    internal static PipelineStage Sync(PipelineStage cd, ArgoSyncView? argo, StageMarks marks, PipelineFollowRequest request)
    {
        if (cd.State != PipelineStageState.Succeeded)
        {
            return PipelineStage.Of(PipelineStageKind.Sync, PipelineStageState.Pending, null, null, new UiMessage("Pipeline_WaitingCdCommit"));
        }

        if (argo is null)
        {
            return PipelineStage.Of(PipelineStageKind.Sync, PipelineStageState.Running, cd.FinishedAt, null,
                new UiMessage("Pipeline_NoArgoApplication", request.ArgoNamespace, request.Target.FullName));
        }

        // Argo CD's own words (Synced, Healthy, Failed) stay as Argo CD shows them.
        var text = argo.OperationPhase is { } p
            ? new UiMessage("Pipeline_ArgoStateOperation", argo.Name, argo.Sync, argo.Health, p)
            : new UiMessage("Pipeline_ArgoState", argo.Name, argo.Sync, argo.Health);
        if (argo.AtNewRevision && argo.OperationPhase is "Failed" or "Error")
        {
            return PipelineStage.Of(PipelineStageKind.Sync, PipelineStageState.Failed, cd.FinishedAt, marks.SyncDone, argo.Message is { } m ? new UiMessage("Pipeline_WithDetail", text, m) : new UiMessage("Pipeline_Sentence", text));
        }

        // The new revision's manifests do not build (a ComparisonError): Argo CD shows sync Unknown and will not sync it.
        if (argo.AtNewRevision && argo.Sync == "Unknown" && argo.Error is { } error)
        {
            return PipelineStage.Of(PipelineStageKind.Sync, PipelineStageState.Failed, cd.FinishedAt, marks.SyncDone, new UiMessage("Pipeline_WithDetail", text, error));
        }

        return argo.AtNewRevision && argo.Sync == "Synced" && argo.OperationPhase is not "Running" and not "Terminating" && marks.SyncDone is { } done
            ? PipelineStage.Of(PipelineStageKind.Sync, PipelineStageState.Succeeded, cd.FinishedAt, done, new UiMessage("Pipeline_Sentence", text))
            : PipelineStage.Of(PipelineStageKind.Sync, PipelineStageState.Running, cd.FinishedAt, null, argo.AtNewRevision ? new UiMessage("Pipeline_Sentence", text) : new UiMessage("Pipeline_WaitingArgoRevision", argo.Name, request.Target.Branch));
    }

    private static PipelineStage Rollout(PipelineStage sync, RolloutView? rollout, StageMarks marks, string? tag)
    {
        if (sync.State != PipelineStageState.Succeeded)
        {
            return PipelineStage.Of(PipelineStageKind.Rollout, PipelineStageState.Pending, null, null, new UiMessage("Pipeline_WaitingSync"));
        }

        if (rollout is null)
        {
            return PipelineStage.Of(PipelineStageKind.Rollout, PipelineStageState.Running, sync.FinishedAt, null, new UiMessage("Pipeline_WaitingPods", tag));
        }

        var text = new UiMessage("Pipeline_RolloutProgress", rollout.Deployment, rollout.NewReady, rollout.Desired, rollout.OldPods);
        return rollout.Complete && marks.RolloutDone is { } done
            ? PipelineStage.Of(PipelineStageKind.Rollout, PipelineStageState.Succeeded, sync.FinishedAt, done, text)
            : PipelineStage.Of(PipelineStageKind.Rollout, PipelineStageState.Running, sync.FinishedAt, null, text);
    }
}
