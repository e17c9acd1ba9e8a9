using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Panels;

/// <summary>Whether a panel URL can be shown in the console's iframe, and if not, why and how to fix it.</summary>
public sealed record FrameProbeResult(bool Reachable, bool Embeddable, UiMessage? Problem, UiMessage? Fix, DateTimeOffset CheckedAt)
{
    public bool CanShow => Reachable && Embeddable;
}
