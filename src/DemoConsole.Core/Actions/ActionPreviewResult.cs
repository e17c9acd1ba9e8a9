using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Actions;

/// <summary>
/// A preview as screens and the API see it: what a run would do, and the id that runs exactly that until
/// <see cref="ValidUntil"/>. The handler's pin stays on the server.
/// </summary>
public sealed record ActionPreviewResult(
    string? PreviewId,
    string ActionId,
    UiMessage Summary,
    string? Target,
    bool CanRun,
    UiMessage? Reason,
    DateTimeOffset? ValidUntil);
