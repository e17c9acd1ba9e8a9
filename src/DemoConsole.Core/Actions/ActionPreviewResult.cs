using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Actions;

/// <summary>
/// A preview as screens and the API see it: what a run would do, and the id that runs exactly that until
/// <see cref="ValidUntil"/>. The handler's pin stays on the server.
/// </summary>
public sealed record ActionPreviewResult(
    string? PreviewId,
    string ActionId,
    string Summary,
    string? Target,
    bool CanRun,
    string? Reason,
    DateTimeOffset? ValidUntil)
{
    /// <summary><see cref="Summary"/> for a screen, in its language; null when the kind's preview is English text.</summary>
    public UiMessage? Text { get; init; }

    /// <summary>What a run would do in the current UI language.</summary>
    public string Describe() => Text?.Format() ?? Summary;
}
