using System.Text.Json.Serialization;
using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Pipeline;

/// <summary>
/// One stage with its times. Stages are contiguous (each starts when the previous one finished), so their durations
/// add up to the stopwatch: CI and CD times are GitHub's, sync and rollout are when the console saw them.
/// </summary>
public sealed record PipelineStage(PipelineStageKind Kind, PipelineStageState State, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string Detail)
{
    public TimeSpan? Duration => StartedAt is { } s && FinishedAt is { } f ? (f > s ? f - s : TimeSpan.Zero) : null;

    /// <summary><see cref="Detail"/> for a screen, in its language; not serialised (a recording keeps the English).</summary>
    [JsonIgnore]
    public UiMessage? Text { get; init; }

    /// <summary>The detail in the current UI language (a replayed stage's English <see cref="Detail"/> as recorded).</summary>
    public string Describe() => Text?.Format() ?? Detail;

    internal static PipelineStage Of(PipelineStageKind kind, PipelineStageState state, DateTimeOffset? startedAt, DateTimeOffset? finishedAt, UiMessage text) =>
        new(kind, state, startedAt, finishedAt, text.ToString()) { Text = text };
}
