namespace DemoConsole.Core.Pipeline;

/// <summary>The stages of the timeline, in order: commit → CI → CD → Argo CD sync → rollout.</summary>
public enum PipelineStageKind
{
    Commit,
    Ci,
    Cd,
    Sync,
    Rollout,
}
