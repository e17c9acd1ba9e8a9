namespace DemoConsole.Core.Pipeline;

/// <summary>When the console first saw the cluster-side milestones (Argo CD has no timestamps in the views; pods neither).</summary>
internal sealed class StageMarks
{
    public DateTimeOffset? SyncDone { get; set; }

    public DateTimeOffset? RolloutDone { get; set; }
}
