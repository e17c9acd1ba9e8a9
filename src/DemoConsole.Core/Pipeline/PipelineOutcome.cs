namespace DemoConsole.Core.Pipeline;

/// <summary>How the followed pipeline ended (or that it is still running).</summary>
public enum PipelineOutcome
{
    Running,
    Succeeded,
    Failed,
    TimedOut,
    Stopped,
}
