using DemoConsole.Core.Actions.Kinds;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Security;

namespace DemoConsole.Core.Actions;

/// <summary>
/// Part of <see cref="ActionExecutor"/>: whether an action may run now for this actor (declared in the scenario,
/// kind available, presenter role, not already running, the handler's own checks) and which run-time values it
/// may take.
/// </summary>
public sealed partial class ActionExecutor
{
    /// <summary>The declared action with the presenter's run-time values applied, if everything allows it to run now.</summary>
    private ActionDefinition? Resolve(Actor actor, string actionId, IReadOnlyDictionary<string, string>? runTimeParameters, out UiMessage? problem)
    {
        var declared = _scenarios.Current.Scenario.Actions.FirstOrDefault(a => a.Id == actionId);
        if (declared is null)
        {
            problem = new UiMessage("Actions_NoAction", actionId);
            return null;
        }

        var action = WithRunTimeParameters(declared, runTimeParameters, out problem);
        problem ??= action is null ? null : RefusalReason(action, actor);
        return problem is null ? action : null;
    }

    private ActionDefinition? WithRunTimeParameters(ActionDefinition action, IReadOnlyDictionary<string, string>? values, out UiMessage? problem)
    {
        problem = null;
        var changed = values?.Where(v => !action.Parameters.TryGetValue(v.Key, out var declared) || declared != v.Value).ToList() ?? [];
        if (changed.Count == 0)
        {
            return action;
        }

        var allowed = Describe(action.Kind)?.RunTimeParameters ?? new HashSet<string>();
        var refused = changed.Select(v => v.Key).Where(k => !allowed.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (refused.Count > 0)
        {
            problem = new UiMessage("Actions_FixedParameters", string.Join("', '", refused), action.Id);
            return null;
        }

        var merged = new Dictionary<string, string>(action.Parameters, StringComparer.Ordinal);
        foreach (var (key, value) in changed)
        {
            merged[key] = value;
        }

        return action with { Parameters = merged };
    }

    private UiMessage? RefusalReason(ActionDefinition action, Actor actor)
    {
        // Checked first and here, on every path to a run: during a replay the screens show a recording, and a button
        // that reached the cluster from it would act on a state nobody is looking at.
        if (_replay is { Replaying: true })
        {
            return new UiMessage("Actions_Replaying");
        }

        if (!_handlers.TryGetValue(action.Kind, out var handler))
        {
            return ActionKindCatalog.Find(action.Kind)?.NotAvailableReason ?? new UiMessage("Actions_KindNotAvailable", action.Kind);
        }

        if (!actor.IsPresenter)
        {
            return new UiMessage("Actions_PresenterOnly");
        }

        // The board too: on a replica that does not lead, the runs in flight are the leader's.
        return _inFlightByAction.ContainsKey(action.Id) || Board.LatestForAction(action.Id) is { IsRunning: true } ? new UiMessage("Actions_RunningNow") : handler.Validate(action);
    }

    private string KindOf(string actionId) =>
        _scenarios.Current.Scenario.Actions.FirstOrDefault(a => a.Id == actionId)?.Kind ?? "unknown";
}
