using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Actions;

/// <summary>
/// Runs one kind of scenario action (<c>load-burst</c>, <c>pod-kill</c>, ...). Handlers are registered in DI;
/// a kind without a handler shows as a disabled button with the reason, never as a fake result.
/// </summary>
public interface IActionHandler
{
    /// <summary>The <c>kind:</c> value of the <c>demo-action</c> blocks this handler runs.</summary>
    string Kind { get; }

    /// <summary>
    /// Parameters a presenter may set when starting a run (a pod picked from the live list), on top of the
    /// scenario's. Everything else comes from the scenario only; none by default.
    /// </summary>
    IReadOnlySet<string> RunTimeParameters => EmptySet;

    private static readonly IReadOnlySet<string> EmptySet = new HashSet<string>();

    /// <summary>
    /// Checks a declared action against this handler's guard rails (caps, allow-listed targets, required
    /// parameters). Returns null when it may run, otherwise the reason it may not, in words for the presenter.
    /// </summary>
    string? Validate(ActionDefinition action);

    /// <summary>
    /// Does the work. Runs in the background, not on a browser circuit; reports live progress through
    /// <paramref name="context"/> and stops promptly when <paramref name="cancellationToken"/> fires.
    /// </summary>
    Task<ActionOutcome> RunAsync(ActionRunContext context, CancellationToken cancellationToken);
}

/// <summary>How a run ended, with its figures (<see cref="Result"/> is serialised as the run's <c>result</c>).</summary>
public sealed record ActionOutcome(ActionRunStatus Status, string Message, object? Result)
{
    public static ActionOutcome Succeeded(string message, object? result = null) => new(ActionRunStatus.Succeeded, message, result);

    public static ActionOutcome Failed(string message, object? result = null) => new(ActionRunStatus.Failed, message, result);
}

/// <summary>What a handler gets for one run: the action as declared, who started it, and a way to report progress.</summary>
public sealed class ActionRunContext
{
    private readonly Action<object> _report;

    public ActionRunContext(string runId, ActionDefinition action, string startedBy, Action<object> report)
    {
        RunId = runId;
        Action = action;
        StartedBy = startedBy;
        _report = report;
    }

    public string RunId { get; }

    public ActionDefinition Action { get; }

    public string StartedBy { get; }

    /// <summary>Publishes live figures to every screen. Call at a screen's pace (a few times a second), not per request.</summary>
    public void Report(object progress) => _report(progress);
}
