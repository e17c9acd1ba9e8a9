namespace DemoConsole.Core.Pipeline;

/// <summary>Where a stage is.</summary>
public enum PipelineStageState
{
    Pending,
    Running,
    Succeeded,
    Failed,
}
