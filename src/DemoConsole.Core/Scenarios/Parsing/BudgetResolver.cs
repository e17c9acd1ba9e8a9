using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Scenarios.Parsing;

/// <summary>
/// Works out the time budgets: front matter first, then the runbook's own "예상 데모 시간: 20-25분" line,
/// then 20/25 minutes. Parts without a budget share what the target leaves equally.
/// </summary>
internal static class BudgetResolver
{
    private const double DefaultTarget = 20;
    private const double DefaultLimit = 25;

    public static ScenarioBudget Total(FrontMatter front, string markdown)
    {
        if (front.TargetMinutes is not null || front.LimitMinutes is not null)
        {
            var target = front.TargetMinutes ?? front.LimitMinutes ?? DefaultTarget;
            var limit = Math.Max(front.LimitMinutes ?? target, target);
            return new ScenarioBudget(TimeSpan.FromMinutes(target), TimeSpan.FromMinutes(limit));
        }

        return MarkerWords.TryFindBudgetLine(markdown, out var lineTarget, out var lineLimit)
            ? new ScenarioBudget(TimeSpan.FromMinutes(lineTarget), TimeSpan.FromMinutes(lineLimit))
            : new ScenarioBudget(TimeSpan.FromMinutes(DefaultTarget), TimeSpan.FromMinutes(DefaultLimit));
    }

    public static IReadOnlyDictionary<int, TimeSpan> Parts(
        IReadOnlyList<int> partNumbers,
        ScenarioBudget total,
        FrontMatter front,
        ProblemList problems)
    {
        foreach (var (number, (_, line)) in front.PartMinutes.Where(p => !partNumbers.Contains(p.Key)))
        {
            problems.Warning(line, new UiMessage("Scenario_BudgetNoPart", number));
        }

        var given = partNumbers.Distinct()
            .Where(front.PartMinutes.ContainsKey)
            .ToDictionary(n => n, n => TimeSpan.FromMinutes(front.PartMinutes[n].Minutes));
        var rest = partNumbers.Distinct().Where(n => !given.ContainsKey(n)).ToList();
        var left = total.Target - given.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b);

        // When the given budgets already use up the target, the rest still needs a non-zero share to pace by.
        var share = rest.Count == 0 ? TimeSpan.Zero
            : left > TimeSpan.Zero ? left / rest.Count
            : total.Target / Math.Max(1, partNumbers.Count);
        foreach (var number in rest)
        {
            given[number] = share;
        }

        var sum = given.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b);
        if (front.PartMinutes.Count > 0 && sum > total.Limit)
        {
            problems.Warning(front.BudgetLine, new UiMessage("Scenario_PartBudgetsOverLimit", sum.TotalMinutes, total.Limit.TotalMinutes));
        }

        return given;
    }
}
