using DemoConsole.Core.Live;

namespace DemoConsole.Core.Scenarios;

/// <summary>A scenario that never changes: the default scenario, or one built by a test.</summary>
public sealed class StaticScenarioSource : IScenarioSource
{
    private readonly SnapshotBroadcaster<ScenarioState> _state;

    public StaticScenarioSource(Scenario scenario, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _state = new SnapshotBroadcaster<ScenarioState>(new ScenarioState(scenario, [], (timeProvider ?? TimeProvider.System).GetUtcNow()));
    }

    public ScenarioState Current => _state.Current;

    /// <summary>The one state, then nothing until cancelled: nothing is ever reloaded.</summary>
    public IAsyncEnumerable<ScenarioState> WatchAsync(CancellationToken cancellationToken = default) => _state.SubscribeAsync(cancellationToken);
}
