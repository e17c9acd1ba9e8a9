namespace DemoConsole.Core.Pipeline;

/// <summary>A commit on the timeline: the demo commit or the CD workflow's image-tag commit.</summary>
public sealed record PipelineCommitView(string Sha, string Message, string Author, DateTimeOffset At, string HtmlUrl)
{
    public string ShortSha => Sha.Length > 7 ? Sha[..7] : Sha;
}
