using DemoConsole.Core.Live;
using DemoConsole.Core.Scenarios;

namespace DemoConsole.Tests.Shared;

/// <summary>Small scenarios built from typed objects, for tests that need a scenario but not the parser.</summary>
public static class TestScenarios
{
    public static Scenario ThreeParts(params ActionDefinition[] actions) => new()
    {
        Title = "Test demo",
        Source = "test",
        Budget = new ScenarioBudget(TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(12)),
        Targets = new ScenarioTargets { ApplicationNamespace = "titanium-prod" },
        Preparation = Section("Preparation", 3, actions.Where(a => a.Part is null)),
        Parts =
        [
            Part(1, "Intro", actions),
            Part(2, "Pipeline", actions),
            Part(3, "Monitoring", actions),
        ],
        Closing = Section("Closing", 90, []),
        Questions = [new QuestionAnswer("q1", "Why Istio?", "mTLS without code changes.", 100)],
        Checklists =
        [
            new Checklist("day-of", "Day of", [new ChecklistItem("day-of-1", "All pods Running", 110), new ChecklistItem("day-of-2", "Grafana shows data", 111)], 109),
        ],
    };

    public static ActionDefinition Action(string id, string kind, int? part = null, params (string Key, string Value)[] parameters) =>
        new(id, kind, id, part, parameters.ToDictionary(p => p.Key, p => p.Value), null, 1);

    private static ScenarioPart Part(int number, string title, IEnumerable<ActionDefinition> actions) =>
        new(number, TimeSpan.FromMinutes(3), Section(title, number * 10, actions.Where(a => a.Part == number)) with
        {
            Blocks = [new ScriptBlock(number * 10 + 1, $"Script of part {number}."), .. actions.Where(a => a.Part == number).Select(a => new ActionBlock(a.Line, a))],
        });

    private static ScenarioSection Section(string title, int line, IEnumerable<ActionDefinition> actions) => new()
    {
        Title = title,
        Line = line,
        Blocks = [new ScriptBlock(line + 1, $"Script of {title}."), .. actions.Select(a => new ActionBlock(a.Line, a))],
    };
}

/// <summary>A scenario source whose scenario a test can replace; subscribers see the replacement as after a reload.</summary>
public sealed class TestScenarioSource(Scenario scenario) : IScenarioSource
{
    private readonly SnapshotBroadcaster<ScenarioState> _state = new(new ScenarioState(scenario, [], DateTimeOffset.UnixEpoch));

    public ScenarioState Current => _state.Current;

    public IAsyncEnumerable<ScenarioState> WatchAsync(CancellationToken cancellationToken = default) => _state.SubscribeAsync(cancellationToken);

    public void Replace(Scenario next, IReadOnlyList<ScenarioProblem>? problems = null) =>
        _state.Publish(new ScenarioState(next, problems ?? [], DateTimeOffset.UnixEpoch));
}
