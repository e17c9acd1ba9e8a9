namespace DemoConsole.Core.Scenarios;

/// <summary>
/// The scenario the console currently runs on. A file that fails to parse never replaces a good scenario:
/// <see cref="ScenarioState.Scenario"/> stays the last good one while <see cref="ScenarioState.Problems"/>
/// shows what is wrong with the newest version of the file.
/// </summary>
public interface IScenarioSource
{
    ScenarioState Current { get; }

    /// <summary>
    /// The current state first, then the state after each reload attempt, successful or not. Newest-wins per
    /// subscriber (a slow reader skips to the latest); ends when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    IAsyncEnumerable<ScenarioState> WatchAsync(CancellationToken cancellationToken = default);
}

/// <param name="Scenario">The last scenario that parsed without errors.</param>
/// <param name="Problems">Problems of the latest read of the source (empty when it is clean).</param>
/// <param name="LoadedAt">When the latest read happened.</param>
public sealed record ScenarioState(Scenario Scenario, IReadOnlyList<ScenarioProblem> Problems, DateTimeOffset LoadedAt);
