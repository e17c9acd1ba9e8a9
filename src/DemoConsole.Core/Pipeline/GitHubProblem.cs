namespace DemoConsole.Core.Pipeline;

/// <summary>A failed GitHub call in words, with when it may be retried (rate limits).</summary>
public sealed record GitHubProblem(GitHubProblemKind Kind, string Message, DateTimeOffset? RetryAt = null)
{
    public override string ToString() => Message;
}
