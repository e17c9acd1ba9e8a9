using DemoConsole.Core.Load;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Actions.Load;

/// <summary>
/// Turns a scenario's load action into a <see cref="LoadPlan"/> aimed at the gateway. Only the path, method
/// and pacing come from the scenario, read through the kind's own parameters (<see cref="LoadKinds"/>); the
/// target host always comes from <see cref="IGatewayAddress"/>.
/// </summary>
public static class LoadActionPlans
{
    public static LoadPlan? Build(ActionDefinition action, Uri gateway, out IReadOnlyList<UiMessage> problems)
    {
        var descriptor = LoadKinds.Find(action.Kind);
        var found = descriptor is null
            ? [new UiMessage("Load_NotLoadKind", action.Kind)]
            : descriptor.Problems(action).Select(p => p.Problem).ToList();
        if (!ExpectationText.TryParse(action.Expect, out var expectation))
        {
            found.Add(new UiMessage("Load_InvalidExpect", action.Expect));
        }

        problems = found;
        if (descriptor is null || found.Count > 0)
        {
            return null;
        }

        var interval = LoadKinds.Interval.Duration(action);
        var count = (int?)LoadKinds.Count.Count(action);
        var plan = descriptor.Name switch
        {
            // With connections the burst is closed: as fast as the gateway answers, the way wrk measures it. A rate or
            // interval given as well is passed on so the engine's validator names the conflict.
            _ when descriptor == LoadKinds.LoadBurst && LoadKinds.Connections.Count(action) is { } connections => new LoadPlan
            {
                Model = LoadModel.Closed,
                Connections = (int)connections,
                Rate = LoadKinds.Rate.Rate(action),
                Interval = interval,
                Count = count,
                Duration = LoadKinds.Duration.Duration(action),
            },
            // The runbook writes bursts as "N requests, one every 50 ms": that is a rate of 1/interval.
            _ when descriptor == LoadKinds.LoadBurst => new LoadPlan
            {
                Model = LoadModel.Open,
                Rate = LoadKinds.Rate.Rate(action) ?? (interval is { } i ? 1 / i.TotalSeconds : null),
                Count = count,
                Duration = LoadKinds.Duration.Duration(action),
            },
            _ when descriptor == LoadKinds.RequestSequence => new LoadPlan { Model = LoadModel.Sequence, Count = count, Interval = interval },
            _ => new LoadPlan { Model = LoadModel.Steady, Interval = interval },
        };
        return plan with
        {
            Target = gateway,
            Path = LoadKinds.Path.Text(action) ?? "/",
            Method = LoadKinds.Method.Choice(action) ?? "GET",
            Expectation = expectation,
            Timeout = LoadKinds.Timeout.Duration(action) ?? plan.Timeout,
        };
    }
}
