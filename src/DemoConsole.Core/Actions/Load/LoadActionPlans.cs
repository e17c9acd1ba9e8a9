using System.Globalization;
using DemoConsole.Core.Load;
using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Actions.Load;

/// <summary>
/// Turns a scenario's load action into a <see cref="LoadPlan"/> aimed at the gateway. Only the path, method
/// and pacing come from the scenario; the target host always comes from <see cref="IGatewayAddress"/>.
/// </summary>
public static class LoadActionPlans
{
    public static LoadPlan? Build(ActionDefinition action, Uri gateway, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        var p = action.Parameters;
        var path = p.GetValueOrDefault("path", "/");
        if (!path.StartsWith('/'))
        {
            found.Add($"path '{path}' must start with '/'");
        }

        var method = p.GetValueOrDefault("method", "GET").ToUpperInvariant();
        var interval = Duration(p, "interval", found);
        var duration = Duration(p, "duration", found);
        var count = Number(p, "count", found);
        var rate = p.TryGetValue("rate", out var rateText) ? ParseRate(rateText, found) : null;
        var timeout = Duration(p, "timeout", found);
        if (!ExpectationText.TryParse(action.Expect, out var expectation))
        {
            found.Add($"expect '{action.Expect}' must look like '200 >= 95%' or '2xx >= 99%'");
        }

        var plan = action.Kind switch
        {
            ActionKinds.LoadBurst => new LoadPlan
            {
                Model = LoadModel.Open,
                // The runbook writes bursts as "N requests, one every 50 ms": that is a rate of 1/interval.
                Rate = rate ?? (interval is { TotalSeconds: > 0 } i ? 1 / i.TotalSeconds : null),
                Count = count,
                Duration = duration,
            },
            ActionKinds.RequestSequence => new LoadPlan { Model = LoadModel.Sequence, Count = count, Interval = interval },
            ActionKinds.SteadyTraffic => new LoadPlan { Model = LoadModel.Steady, Interval = interval },
            _ => null,
        };
        if (plan is null)
        {
            found.Add($"'{action.Kind}' is not a load action");
        }

        problems = found;
        return plan is null || found.Count > 0 ? null : plan with
        {
            Target = gateway,
            Path = path,
            Method = method,
            Expectation = expectation,
            Timeout = timeout ?? plan.Timeout,
        };
    }

    private static TimeSpan? Duration(IReadOnlyDictionary<string, string> p, string key, List<string> problems)
    {
        if (!p.TryGetValue(key, out var text))
        {
            return null;
        }

        if (DurationText.TryParse(text, out var value))
        {
            return value;
        }

        problems.Add($"{key} '{text}' is not a duration like 500ms or 10s");
        return null;
    }

    private static int? Number(IReadOnlyDictionary<string, string> p, string key, List<string> problems)
    {
        if (!p.TryGetValue(key, out var text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add($"{key} '{text}' is not a whole number");
        return null;
    }

    private static double? ParseRate(string text, List<string> problems)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add($"rate '{text}' is not a number of requests per second");
        return null;
    }
}
