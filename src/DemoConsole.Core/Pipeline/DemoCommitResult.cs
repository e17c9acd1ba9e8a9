namespace DemoConsole.Core.Pipeline;

/// <summary>
/// How a demo commit ended: the commit (sha, link, the line appended, when) or the problem in words. Attempts is 2
/// when the file changed between read and write and was read again.
/// </summary>
public sealed record DemoCommitResult(
    RepositoryTarget Target,
    string Message,
    string? Sha,
    string? HtmlUrl,
    string? AppendedLine,
    DateTimeOffset? CommittedAt,
    int Attempts,
    GitHubProblem? Problem)
{
    public bool Succeeded => Sha is not null && Problem is null;
}
