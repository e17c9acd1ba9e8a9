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
    /// <summary>
    /// Live figures for the screens: twice a second looks live. Every report redraws the run on every screen, in the
    /// console and in each browser showing it, which on the presenter's machine is CPU a closed burst's target and
    /// load worker need (measured: four reports a second cost the console and two screens about twice what two do).
    /// </summary>
    private static readonly TimeSpan ReportEvery = TimeSpan.FromMilliseconds(500);

    public ActionKindDescriptor Descriptor { get; } = LoadKinds.Find(descriptor.Name) is not null
        ? descriptor
        : throw new ArgumentException($"'{descriptor.Name}' is not a load action kind.", nameof(descriptor));

    public UiMessage? Validate(ActionDefinition action)
    {
        var plan = Plan(action, out var problem);
        if (plan is null)
        {
            return problem;
        }

        var refused = LoadPlanValidator.Validate(plan, engine.Caps);
        return refused.Count == 0 ? null : new UiMessage("Load_RefusedByCaps", refused);
    }

    public async Task<ActionOutcome> RunAsync(ActionRunContext context, CancellationToken cancellationToken)
    {
        var plan = Plan(context.Action, out var problem) ?? throw new InvalidOperationException(problem?.ToString());
        var started = engine.Start(plan, cancellationToken);
        if (!started.Started)
        {
            return ActionOutcome.Failed(started.Text);
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
            LoadRunState.Stopped => new ActionOutcome(ActionRunStatus.Cancelled, new UiMessage("Load_StoppedSummary", summary), result.Snapshot),
            _ when result.Succeeded => ActionOutcome.Succeeded(summary, result.Snapshot),
            _ => ActionOutcome.Failed(result.Snapshot.Failure is { } failure ? UiMessage.Verbatim(failure) : summary, result.Snapshot),
        };
    }

    private LoadPlan? Plan(ActionDefinition action, out UiMessage? problem)
    {
        problem = null;
        if (gateway.Gateway is not { } target)
        {
            problem = new UiMessage("Load_NoGateway");
            return null;
        }

        var plan = LoadActionPlans.Build(action, target, out var problems);
        problem = plan is null ? new UiMessage("Load_ParametersUnusable", problems) : null;
        return plan;
    }

    /// <summary>One line for the run history, e.g. "100 requests: 100 × 200 · p95 12 ms · ≥ 95% of responses are 200: passed".</summary>
    internal static UiMessage Summary(LoadSnapshot s)
    {
        // Status counts are figures, the same in every language ("100 × 200").
        var statuses = string.Join(", ", s.StatusCounts.OrderBy(c => c.Key).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Value} × {c.Key}")));
        object responses = statuses.Length > 0 ? statuses : new UiMessage("Load_NoResponses");
        var text = s.Errors > 0
            ? new UiMessage("Load_SummaryWithErrors", s.Completed, responses, s.Errors, s.Latency.P95.TotalMilliseconds)
            : new UiMessage("Load_Summary", s.Completed, responses, s.Latency.P95.TotalMilliseconds);
        return s.Expectation is { } e
            ? new UiMessage(e.Passed ? "Load_SummaryPassed" : "Load_SummaryFailed", text, e.Expectation.Text)
            : text;
    }
}
