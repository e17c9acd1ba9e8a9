namespace DemoConsole.Core.Pipeline;

/// <summary>One followed pipeline: its latest snapshot, a live stream of snapshots, and its end.</summary>
public interface IPipelineTracking : IAsyncDisposable
{
    PipelineSnapshot Current { get; }

    /// <summary>The current snapshot first, then newer ones (newest wins for a slow reader).</summary>
    IAsyncEnumerable<PipelineSnapshot> WatchAsync(CancellationToken cancellationToken = default);

    /// <summary>The final snapshot (succeeded, failed, timed out or stopped).</summary>
    Task<PipelineSnapshot> Completion { get; }
}
