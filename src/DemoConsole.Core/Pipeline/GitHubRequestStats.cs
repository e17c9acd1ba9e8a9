namespace DemoConsole.Core.Pipeline;

/// <summary>What following a pipeline cost in GitHub API requests: in the last minute, in total, and how many were free 304s.</summary>
public sealed record GitHubRequestStats(int LastMinute, int Total, int NotModified, int? RateLimitRemaining, DateTimeOffset? RateLimitReset)
{
    public static readonly GitHubRequestStats None = new(0, 0, 0, null, null);
}
