using DemoConsole.Core.Pipeline;
using DemoConsole.Core.Scenarios;

namespace DemoConsole.Web.Hosting;

/// <summary>
/// Once the console is up (after the sandbox, when there is one), checks that the GitHub token can do what the scenario's
/// demo commits need and logs what is missing, so a wrong token shows at start-up and not on stage. Never logs the token.
/// </summary>
public sealed partial class GitHubAccessCheckAtStart(IHostApplicationLifetime lifetime, IScenarioSource scenarios, GitHubConnection connection,
    IRepositoryAccessCheck check, ILogger<GitHubAccessCheckAtStart> logger) : IHostedService
{
    private Task _run = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The host's own stopping token ends the check: nothing of ours to dispose, whatever order the host stops in.
        lifetime.ApplicationStarted.Register(() => _run = Task.Run(() => RunAsync(lifetime.ApplicationStopping)));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) =>
        await _run.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    private async Task RunAsync(CancellationToken stop)
    {
        var targets = DemoCommitKind.Targets(scenarios.Current.Scenario);
        if (targets.Count == 0)
        {
            return;
        }

        if (connection.UnavailableReason is { } reason)
        {
            LogUnavailable(reason.ToString());
            return;
        }

        foreach (var target in targets)
        {
            var report = await check.CheckAsync(target, stop);
            if (report.Passed)
            {
                LogReady(target, connection.Options);
            }
            else
            {
                LogMissing(target, report.Missing);
            }
        }
    }

    [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "Demo commit ready: {Target} through {GitHub}")]
    private partial void LogReady(RepositoryTarget target, GitHubOptions gitHub);

    [LoggerMessage(EventId = 701, Level = LogLevel.Warning, Message = "Demo commit to {Target} will not work: {Missing}")]
    private partial void LogMissing(RepositoryTarget target, IReadOnlyList<string> missing);

    [LoggerMessage(EventId = 702, Level = LogLevel.Warning, Message = "Demo commit disabled: {Reason}")]
    private partial void LogUnavailable(string reason);
}
