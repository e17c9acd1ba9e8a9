using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Pipeline;

/// <summary>A failed GitHub call in words, with when it may be retried (rate limits).</summary>
/// <param name="Text">The problem for a screen, in its language; GitHub's own words stay in it verbatim.</param>
public sealed record GitHubProblem(GitHubProblemKind Kind, UiMessage Text, DateTimeOffset? RetryAt = null)
{
    /// <summary><see cref="Text"/> in English: logs and the run's recorded result.</summary>
    public string Message => Text.ToString();

    public override string ToString() => Message;
}
