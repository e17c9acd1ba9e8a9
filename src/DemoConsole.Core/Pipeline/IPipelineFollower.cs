namespace DemoConsole.Core.Pipeline;

/// <summary>
/// Follows a commit through GitHub Actions (runs by head sha, jobs, steps; the CD commit), Argo CD and the rollout,
/// paced within GitHub's rate limit with conditional requests.
/// </summary>
public interface IPipelineFollower
{
    /// <summary>Starts following in the background; dispose the tracking (or let it finish) to stop.</summary>
    IPipelineTracking Follow(PipelineFollowRequest request);
}
