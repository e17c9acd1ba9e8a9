using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Actions;

/// <summary>
/// What a run would do, as a handler computes it for the confirmation: a sentence, the concrete target, whether it
/// may run, and the handler's own <see cref="Pin"/> (kept on the server, never sent to a page).
/// </summary>
public sealed record ActionPreview(string Summary, string? Target, bool CanRun, string? Reason, object? Pin = null)
{
    /// <summary><see cref="Summary"/> for a screen, in its language; null while the kind's previews are English text.</summary>
    public UiMessage? Text { get; init; }

    public static ActionPreview Sentence(string summary, string? target) => new(summary, target, true, null);

    public static ActionPreview Refused(string reason, string? target = null) => Refused(UiMessage.Verbatim(reason), target);

    public static ActionPreview Sentence(UiMessage summary, string? target) => new(summary.ToString(), target, true, null) { Text = summary };

    public static ActionPreview Refused(UiMessage reason, string? target = null)
    {
        var summary = new UiMessage("Action_PreviewRefused", reason);
        return new(summary.ToString(), target, false, reason.ToString()) { Text = summary };
    }
}
