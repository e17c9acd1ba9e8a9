using DemoConsole.Core.Cluster;

namespace DemoConsole.Core.Pipeline;

/// <summary>Octokit + cluster-views implementation of <see cref="IPipelineFollower"/>.</summary>
public sealed class PipelineFollower(GitHubConnection connection, IClusterViews cluster, TimeProvider time) : IPipelineFollower
{
    public IPipelineTracking Follow(PipelineFollowRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (connection.UnavailableReason is { } reason)
        {
            throw new InvalidOperationException(reason.ToString());
        }

        return new PipelineTracking(connection, cluster, time, request);
    }
}
