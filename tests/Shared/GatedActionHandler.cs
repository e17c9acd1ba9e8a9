using DemoConsole.Core.Actions;
using DemoConsole.Core.Scenarios;

namespace DemoConsole.Tests.Shared;

/// <summary>An action handler a test opens and closes by hand, to see the executor's behaviour at each step.</summary>
public sealed class GatedActionHandler(string kind = "gated") : IActionHandler
{
    private readonly TaskCompletionSource<ActionOutcome> _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Kind { get; } = kind;

    public string? Refusal { get; set; }

    public IReadOnlySet<string> AllowedAtRunTime { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> RunTimeParameters => AllowedAtRunTime;

    public Exception? Throw { get; set; }

    public int Runs { get; private set; }

    public string? Validate(ActionDefinition action) => Refusal;

    public async Task<ActionOutcome> RunAsync(ActionRunContext context, CancellationToken cancellationToken)
    {
        Runs++;
        context.Report(new { step = "started" });
        if (Throw is not null)
        {
            throw Throw;
        }

        return await _finish.Task.WaitAsync(cancellationToken);
    }

    public void Finish(ActionOutcome outcome) => _finish.TrySetResult(outcome);
}
