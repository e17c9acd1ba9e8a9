namespace DemoConsole.Core.Recording;

/// <summary>A line of the recordings list: which file, which scenario, when, how long, which parts it reached.</summary>
/// <param name="Name">The file name (what the page and the API call it by).</param>
/// <param name="PartsReached">The numbers of the parts the presenter was on at some moment of the recording, in order.</param>
/// <param name="ActionIds">The actions that have a run in the recording (for "show the rehearsal's run").</param>
public sealed record RecordingSummary(
    string Name,
    string Scenario,
    DateTimeOffset StartedAt,
    TimeSpan Length,
    IReadOnlyList<int> PartsReached,
    IReadOnlySet<string> ActionIds,
    long Bytes,
    bool Truncated,
    string ClusterMode)
{
    /// <summary>With replicas: the replica writing it stopped before it could end it (<see cref="Recorder.List"/> sets it).</summary>
    public bool Interrupted { get; init; }
}
