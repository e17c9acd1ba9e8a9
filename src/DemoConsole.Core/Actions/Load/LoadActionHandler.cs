using System.Globalization;
using DemoConsole.Core.Actions.Kinds;
using DemoConsole.Core.Load;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Actions.Load;

/// <summary>
/// Runs <c>load-burst</c>, <c>request-sequence</c> and <c>steady-traffic</c> actions on the load engine,
/// reporting its live figures to every screen a few times a second. The engine's caps apply to every run.
/// </summary>
public sealed class LoadActionHandler(ActionKindDescriptor descriptor, ILoadEngine engine, IGatewayAddress gateway) : IActionHandler
{
    /// <summary>Live figures for the screens: often enough to look live, well under the render cap.</summary>
    private static readonly TimeSpan ReportEvery = TimeSpan.FromMilliseconds(250);

    public ActionKindDescriptor Descriptor { get; } = LoadKinds.Find(descriptor.Name) is not null
        ? descriptor
        : throw new ArgumentException($"'{descriptor.Name}' is not a load action kind.", nameof(descriptor));

    public UiMessage? Validate(ActionDefinition action)
    {
        var plan = Plan(action, out var problem);
        if (plan is null)
        {
            return problem is null ? null : UiMessage.Verbatim(problem);
        }

        var refused = LoadPlanValidator.Validate(plan, engine.Caps);
        return refused.Count == 0 ? null : UiMessage.Verbatim("Refused by the load caps: " + string.Join("; ", refused));
    }

    public async Task<ActionOutcome> RunAsync(ActionRunContext context, CancellationToken cancellationToken)
    {
        var plan = Plan(context.Action, out var problem) ?? throw new InvalidOperationException(problem);
        var started = engine.Start(plan, cancellationToken);
        if (!started.Started)
        {
            return ActionOutcome.Failed(UiMessage.Verbatim(started.Message));
        }

        await using var run = started.Run;
        try
        {
            await foreach (var snapshot in run.WatchAsync(ReportEvery, cancellationToken))
            {
                context.Report(snapshot);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            run.Stop();
        }

        var result = await run.Completion;
        var summary = Summary(result.Snapshot);
        return result.Snapshot.State switch
        {
            LoadRunState.Stopped => new ActionOutcome(ActionRunStatus.Cancelled, UiMessage.Verbatim("Stopped: " + summary), result.Snapshot),
            _ when result.Succeeded => ActionOutcome.Succeeded(UiMessage.Verbatim(summary), result.Snapshot),
            _ => ActionOutcome.Failed(UiMessage.Verbatim(result.Snapshot.Failure ?? summary), result.Snapshot),
        };
    }

    private LoadPlan? Plan(ActionDefinition action, out string? problem)
    {
        problem = null;
        if (gateway.Gateway is not { } target)
        {
            problem = "No gateway is configured (DemoConsole:GatewayUrl) and no sandbox is running.";
            return null;
        }

        var plan = LoadActionPlans.Build(action, target, out var problems);
        problem = plan is null ? "The action's parameters are not usable: " + string.Join("; ", problems) : null;
        return plan;
    }

    /// <summary>One line for the run history, e.g. "100 requests: 100 × 200 · p95 12 ms · ≥ 95% of responses are 200: passed".</summary>
    internal static string Summary(LoadSnapshot s)
    {
        var statuses = string.Join(", ", s.StatusCounts.OrderBy(c => c.Key).Select(c => $"{c.Value} × {c.Key}"));
        var errors = s.Errors > 0 ? $", {s.Errors} errors" : "";
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{s.Completed} requests: {(statuses.Length > 0 ? statuses : "no responses")}{errors} · p95 {s.Latency.P95.TotalMilliseconds:0} ms");
        return s.Expectation is { } e ? $"{text} · {e.Expectation.Description}: {(e.Passed ? "passed" : "failed")}" : text;
    }
}
