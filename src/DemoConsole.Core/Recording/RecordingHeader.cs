namespace DemoConsole.Core.Recording;

/// <summary>
/// The first line of a recording: what was recorded and on which scenario. The scenario's Markdown travels with the
/// recording when it came from a file, so <c>DemoConsole replay</c> on another machine shows the same pages.
/// </summary>
public sealed record RecordingHeader
{
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;

    /// <summary>The scenario's title.</summary>
    public required string Scenario { get; init; }

    /// <summary>Where the scenario came from (<c>embedded:default</c> or a file name).</summary>
    public required string ScenarioSource { get; init; }

    /// <summary>The scenario file's Markdown; null for the embedded default scenario (every console has it).</summary>
    public string? ScenarioMarkdown { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Sandbox, Kubeconfig or InCluster: a rehearsal on the sandbox or a run on a cluster.</summary>
    public required string ClusterMode { get; init; }
}
