using DemoConsole.Core.Actions;
using DemoConsole.Core.Actions.Kinds;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Scenarios;

namespace DemoConsole.Tests.Shared;

/// <summary>An action handler a test opens and closes by hand, to see the executor's behaviour at each step.</summary>
public sealed class GatedActionHandler(string kind = "gated") : IActionHandler
{
    private readonly TaskCompletionSource<ActionOutcome> _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ActionKindDescriptor Descriptor => new()
    {
        Name = kind,
        Parameters = [new ActionParameter("pod", ParameterType.Text, false, "a pod"), new ActionParameter("path", ParameterType.Path, false, "a path")],
        RunTimeParameters = AllowedAtRunTime,
        Confirmation = Confirmation,
        ResultType = typeof(GatedProgress),
    };

    public string? Refusal { get; set; }

    public IReadOnlySet<string> AllowedAtRunTime { get; init; } = new HashSet<string>();

    public ConfirmationStyle Confirmation { get; init; } = ConfirmationStyle.None;

    public Exception? Throw { get; set; }

    public int Runs { get; private set; }

    /// <summary>Previews made so far; each one pins its own number, which the run then reports as its <see cref="GatedProgress.Pin"/>.</summary>
    public int Previews { get; private set; }

    /// <summary>Reported once more after the run has returned, as a late watcher event would be.</summary>
    public bool ReportAfterReturn { get; init; }

    /// <summary>Set once the late report has been made.</summary>
    public bool LateReported { get => Volatile.Read(ref _lateReported); private set => Volatile.Write(ref _lateReported, value); }

    private bool _lateReported;

    public UiMessage? Validate(ActionDefinition action) => Refusal is null ? null : UiMessage.Verbatim(Refusal);

    public Task<ActionPreview> PreviewAsync(ActionDefinition action, CancellationToken cancellationToken)
    {
        Previews++;
        return Task.FromResult(new ActionPreview(UiMessage.Verbatim($"Preview {Previews} of {action.Id}"), $"target {Previews}", Refusal is null, Validate(action), Previews));
    }

    public async Task<ActionOutcome> RunAsync(ActionRunContext context, CancellationToken cancellationToken)
    {
        Runs++;
        context.Report(new GatedProgress("started", context.Pin as int?));
        if (Throw is not null)
        {
            throw Throw;
        }

        var outcome = await _finish.Task.WaitAsync(cancellationToken);
        if (ReportAfterReturn)
        {
            _ = Task.Run(() =>
            {
                context.Report(new GatedProgress("late", null));
                LateReported = true;
            }, CancellationToken.None);
        }

        return outcome;
    }

    public void Finish(ActionOutcome outcome) => _finish.TrySetResult(outcome);
}

/// <summary>What <see cref="GatedActionHandler"/> reports: a step, and the preview it runs (if any).</summary>
public sealed record GatedProgress(string Step, int? Pin) : IActionResult;
