using DemoConsole.Core.Scenarios;
using DemoConsole.Web.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DemoConsole.Web.Hosting;

/// <summary>
/// Ready means the configured scenario is the one in use: a scenario file that could not be read at start leaves the
/// console on the built-in scenario, which is not what the presenter asked for.
/// </summary>
public sealed class ScenarioLoadedCheck(IScenarioSource scenarios, IOptions<DemoConsoleOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var configured = !string.IsNullOrWhiteSpace(options.Value.ScenarioPath);
        var state = scenarios.Current;
        return Task.FromResult(configured && state.Scenario.Source == DefaultScenario.SourceName
            ? HealthCheckResult.Unhealthy($"the scenario file could not be loaded ({state.Problems.Count} problem(s)); running on the built-in scenario")
            : HealthCheckResult.Healthy($"scenario {state.Scenario.Source}"));
    }
}

/// <summary>
/// Ready means the session can be kept: the state folder exists (or can be made) and takes a write. A read-only or
/// missing volume in a pod shows here instead of as a session lost at the next restart. Not kept (no state file): ready.
/// </summary>
public sealed class StateFolderWritableCheck(IOptions<DemoConsoleOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(options.Value.StateFile))
        {
            return HealthCheckResult.Healthy("the session is not kept (no state file)");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(options.Value.StateFile)) ?? ".";
        var probe = Path.Combine(folder, $".ready-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(probe, "ready", cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy("state folder writable");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"the state folder {folder} is not writable: {ex.Message}");
        }
    }
}
