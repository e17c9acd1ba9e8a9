namespace DemoConsole.Core.Pipeline;

/// <summary>
/// One workflow run for the followed commit (or the CD commit): a push-triggered run is CI; any other event
/// (workflow_run, as the seed's cd.yml) is the delivery.
/// </summary>
public sealed record PipelineRunView(long Id, string Workflow, string Event, string HeadSha, int RunNumber, string Status, string? Conclusion,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string HtmlUrl, IReadOnlyList<PipelineJobView> Jobs)
{
    public bool IsCompleted => Status == "completed";

    public bool Succeeded => IsCompleted && Conclusion is "success" or "skipped" or "neutral";

    public bool Failed => IsCompleted && !Succeeded;

    public bool IsCi => Event == "push";
}
