using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Actions;

/// <summary>
/// What a run would do, as a handler computes it for the confirmation: a sentence, the concrete target, whether it
/// may run, and the handler's own <see cref="Pin"/> (kept on the server, never sent to a page).
/// </summary>
public sealed record ActionPreview(UiMessage Summary, string? Target, bool CanRun, UiMessage? Reason, object? Pin = null)
{
    public static ActionPreview Sentence(UiMessage summary, string? target) => new(summary, target, true, null);

    public static ActionPreview Refused(UiMessage reason, string? target = null) => new(new UiMessage("Actions_RefusedReason", reason), target, false, reason);
}
