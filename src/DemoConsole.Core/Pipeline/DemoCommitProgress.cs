using System.Text.Json.Serialization;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Pipeline;

/// <summary>
/// The live result of a <c>demo-commit</c> run: where it committed (exactly what the confirmation named), the commit,
/// and the pipeline it started as the latest snapshot (stages, runs and steps, Argo CD, rollout, stopwatch).
/// </summary>
public sealed record DemoCommitProgress(
    string Repository,
    string Branch,
    string File,
    string Message,
    string? Sha,
    string? HtmlUrl,
    PipelineSnapshot? Pipeline,
    string? Problem) : IActionResult
{
    /// <summary>The scenario's promise for commit → new pods Ready, which the stopwatch is measured against.</summary>
    public TimeSpan Budget { get; init; } = DemoCommitKind.DefaultBudget;

    /// <summary><see cref="Problem"/> for a screen, in its language; not serialised (a recording keeps the English).</summary>
    [JsonIgnore]
    public UiMessage? ProblemText { get; init; }

    /// <summary>The problem in the current UI language, or null.</summary>
    public string? DescribeProblem() => ProblemText?.Format() ?? Problem;
}
