using DemoConsole.Core.Actions.Kinds;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Actions;

/// <summary>
/// Runs one kind of scenario action (<c>load-burst</c>, <c>pod-kill</c>, ...). Each kind is described by an
/// <see cref="ActionKindDescriptor"/>; a kind without a handler shows as a disabled button with the reason, never as a
/// fake result. See docs/action-kinds.md.
/// </summary>
public interface IActionHandler
{
    /// <summary>The kind this handler runs: name, parameters, run-time parameters, confirmation, result type.</summary>
    ActionKindDescriptor Descriptor { get; }

    /// <summary>
    /// Checks a declared action against this handler's guard rails (caps, allow-listed targets, required
    /// parameters). Returns null when it may run, otherwise the reason it may not, in words for the presenter.
    /// </summary>
    UiMessage? Validate(ActionDefinition action);

    /// <summary>
    /// What a run would do, computed once on the server for the confirmation. The <see cref="ActionPreview.Pin"/> it
    /// returns is handed back to <see cref="RunAsync"/> through <see cref="ActionRunContext.Pin"/>, so the run does
    /// exactly what was previewed or refuses. By default a sentence naming the action.
    /// </summary>
    Task<ActionPreview> PreviewAsync(ActionDefinition action, CancellationToken cancellationToken) =>
        Task.FromResult(ActionPreview.Sentence(new UiMessage("Action_ChangesCluster", action.Title), action.Id));

    /// <summary>
    /// Does the work. Runs in the background, not on a browser circuit; reports live progress through
    /// <paramref name="context"/> and stops promptly when <paramref name="cancellationToken"/> fires.
    /// </summary>
    Task<ActionOutcome> RunAsync(ActionRunContext context, CancellationToken cancellationToken);
}

/// <summary>How a run ended, with its figures (<see cref="Result"/> is serialised as the run's <c>result</c>).</summary>
public sealed record ActionOutcome(ActionRunStatus Status, UiMessage Message, IActionResult? Result)
{
    public static ActionOutcome Succeeded(UiMessage message, IActionResult? result = null) => new(ActionRunStatus.Succeeded, message, result);

    public static ActionOutcome Failed(UiMessage message, IActionResult? result = null) => new(ActionRunStatus.Failed, message, result);

    public static ActionOutcome Refused(UiMessage message, IActionResult? result = null) => new(ActionRunStatus.Refused, message, result);
}
