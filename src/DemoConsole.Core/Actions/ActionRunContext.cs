using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Actions;

/// <summary>What a handler gets for one run: the action as declared, who started it, the confirmed preview, and a way to report progress.</summary>
public sealed class ActionRunContext(string runId, ActionDefinition action, string startedBy, Action<IActionResult> report, object? pin = null)
{
    public string RunId { get; } = runId;

    public ActionDefinition Action { get; } = action;

    public string StartedBy { get; } = startedBy;

    /// <summary>
    /// What the confirmed preview pinned (a pod and its uid, a revision, ...), or null when the run was started without
    /// one; a handler that gets a pin does exactly that or refuses, and never picks again.
    /// </summary>
    public object? Pin { get; } = pin;

    /// <summary>Publishes live figures to every screen. Call at a screen's pace (a few times a second), not per request.</summary>
    public void Report(IActionResult progress) => report(progress);
}
