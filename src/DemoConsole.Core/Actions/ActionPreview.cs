namespace DemoConsole.Core.Actions;

/// <summary>
/// What a run would do, as a handler computes it for the confirmation: a sentence, the concrete target, whether it
/// may run, and the handler's own <see cref="Pin"/> (kept on the server, never sent to a page).
/// </summary>
public sealed record ActionPreview(string Summary, string? Target, bool CanRun, string? Reason, object? Pin = null)
{
    public static ActionPreview Sentence(string summary, string? target) => new(summary, target, true, null);

    public static ActionPreview Refused(string reason, string? target = null) => new($"Refused: {reason}", target, false, reason);
}
