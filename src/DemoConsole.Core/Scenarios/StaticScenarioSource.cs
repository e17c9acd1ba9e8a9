namespace DemoConsole.Core.Scenarios;

/// <summary>A scenario that never changes: the default scenario, or one built by a test.</summary>
public sealed class StaticScenarioSource : IScenarioSource
{
    public StaticScenarioSource(Scenario scenario, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Current = new ScenarioState(scenario, [], (timeProvider ?? TimeProvider.System).GetUtcNow());
    }

    public ScenarioState Current { get; }

    /// <summary>Never raised: nothing is ever reloaded.</summary>
    public event Action<ScenarioState>? Changed
    {
        // Nothing to remember: with no reloads there is nothing to notify.
        add { }
        remove { }
    }
}
