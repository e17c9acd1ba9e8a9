namespace DemoConsole.Core.Pipeline;

/// <summary>Builds the five contiguous stages from what GitHub and the cluster say, and the outcome and stopwatch from them.</summary>
internal static class PipelineStages
{
    public static IReadOnlyList<PipelineStage> Build(PipelineFollowRequest request, GitHubProgress github, ArgoSyncView? argo, RolloutView? rollout, StageMarks marks)
    {
        var runs = github.Runs.Where(r => r.HeadSha == request.CommitSha).ToList();
        var commit = new PipelineStage(PipelineStageKind.Commit, PipelineStageState.Succeeded, request.CommittedAt, request.CommittedAt,
            $"{request.CommitSha[..Math.Min(7, request.CommitSha.Length)]} {request.Message}");
        var ci = RunsStage(PipelineStageKind.Ci, runs.Where(r => r.IsCi).ToList(), commit, "Waiting for the CI run to be queued.");
        var cd = Cd(runs.Where(r => !r.IsCi).ToList(), ci, github);
        var sync = Sync(cd, argo, marks, request);
        var roll = Rollout(sync, rollout, marks, github.NewTag);
        return [commit, ci, cd, sync, roll];
    }

    private static PipelineStage RunsStage(PipelineStageKind kind, IReadOnlyList<PipelineRunView> runs, PipelineStage previous, string waiting)
    {
        if (runs.Count == 0)
        {
            return new PipelineStage(kind, PipelineStageState.Running, previous.FinishedAt, null, waiting);
        }

        var last = runs.Max(r => r.UpdatedAt);
        if (runs.FirstOrDefault(r => r.Failed) is { } failed)
        {
            var step = failed.Jobs.Select(j => j.FailedStep).FirstOrDefault(s => s is not null);
            return new PipelineStage(kind, PipelineStageState.Failed, previous.FinishedAt, last, $"{failed.Workflow} #{failed.RunNumber} failed{(step is null ? "" : $" at {step.Name}")}.");
        }

        if (runs.All(r => r.Succeeded))
        {
            return new PipelineStage(kind, PipelineStageState.Succeeded, previous.FinishedAt, last, string.Join(", ", runs.Select(r => $"{r.Workflow} #{r.RunNumber} succeeded")) + ".");
        }

        var running = runs.First(r => !r.IsCompleted);
        var job = running.Jobs.FirstOrDefault(j => j.CurrentStep is not null);
        return new PipelineStage(kind, PipelineStageState.Running, previous.FinishedAt, null,
            job is null ? $"{running.Workflow} #{running.RunNumber} {running.Status.Replace('_', ' ')}." : $"{running.Workflow} #{running.RunNumber}: {job.Name} — {job.CurrentStep!.Name}");
    }

    private static PipelineStage Cd(IReadOnlyList<PipelineRunView> runs, PipelineStage ci, GitHubProgress github)
    {
        if (ci.State != PipelineStageState.Succeeded)
        {
            return new PipelineStage(PipelineStageKind.Cd, PipelineStageState.Pending, null, null, ci.State == PipelineStageState.Failed ? "Not started: CI failed." : "Waiting for CI.");
        }

        var stage = RunsStage(PipelineStageKind.Cd, runs, ci, "Waiting for the CD run.");
        if (stage.State == PipelineStageState.Failed)
        {
            return stage;
        }

        return github.DeployCommit is { } deploy
            ? new PipelineStage(PipelineStageKind.Cd, PipelineStageState.Succeeded, ci.FinishedAt, deploy.At, $"{deploy.ShortSha} set image tag {github.NewTag}.")
            : stage with { State = PipelineStageState.Running, FinishedAt = null };
    }

    internal static PipelineStage Sync(PipelineStage cd, ArgoSyncView? argo, StageMarks marks, PipelineFollowRequest request)
    {
        if (cd.State != PipelineStageState.Succeeded)
        {
            return new PipelineStage(PipelineStageKind.Sync, PipelineStageState.Pending, null, null, "Waiting for the CD commit.");
        }

        if (argo is null)
        {
            return new PipelineStage(PipelineStageKind.Sync, PipelineStageState.Running, cd.FinishedAt, null,
                $"No Argo CD Application in {request.ArgoNamespace} deploys {request.Target.FullName} at the changed path (yet).");
        }

        var text = $"{argo.Name}: {argo.Sync}, {argo.Health}{(argo.OperationPhase is { } p ? $", operation {p}" : "")}";
        if (argo.AtNewRevision && argo.OperationPhase is "Failed" or "Error")
        {
            return new PipelineStage(PipelineStageKind.Sync, PipelineStageState.Failed, cd.FinishedAt, marks.SyncDone, text + (argo.Message is { } m ? $": {m}" : "."));
        }

        // The new revision's manifests do not build (a ComparisonError): Argo CD shows sync Unknown and will not sync it.
        if (argo.AtNewRevision && argo.Sync == "Unknown" && argo.Error is { } error)
        {
            return new PipelineStage(PipelineStageKind.Sync, PipelineStageState.Failed, cd.FinishedAt, marks.SyncDone, $"{text}: {error}");
        }

        return argo.AtNewRevision && argo.Sync == "Synced" && argo.OperationPhase is not "Running" and not "Terminating" && marks.SyncDone is { } done
            ? new PipelineStage(PipelineStageKind.Sync, PipelineStageState.Succeeded, cd.FinishedAt, done, text + ".")
            : new PipelineStage(PipelineStageKind.Sync, PipelineStageState.Running, cd.FinishedAt, null, argo.AtNewRevision ? text + "." : $"{argo.Name}: waiting for Argo CD to see {request.Target.Branch}'s new revision.");
    }

    private static PipelineStage Rollout(PipelineStage sync, RolloutView? rollout, StageMarks marks, string? tag)
    {
        if (sync.State != PipelineStageState.Succeeded)
        {
            return new PipelineStage(PipelineStageKind.Rollout, PipelineStageState.Pending, null, null, "Waiting for the sync.");
        }

        if (rollout is null)
        {
            return new PipelineStage(PipelineStageKind.Rollout, PipelineStageState.Running, sync.FinishedAt, null, $"Waiting for pods with image tag {tag}.");
        }

        var text = $"{rollout.Deployment}: {rollout.NewReady}/{rollout.Desired} new pods Ready, {rollout.OldPods} old left.";
        return rollout.Complete && marks.RolloutDone is { } done
            ? new PipelineStage(PipelineStageKind.Rollout, PipelineStageState.Succeeded, sync.FinishedAt, done, text)
            : new PipelineStage(PipelineStageKind.Rollout, PipelineStageState.Running, sync.FinishedAt, null, text);
    }
}
