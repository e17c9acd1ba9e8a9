using System.Globalization;
using DemoConsole.Core.Cluster;
using DemoConsole.Core.Pipeline;
using DemoConsole.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace DemoConsole.Benchmarks.Pipeline;

/// <summary>
/// Part 2 of the runbook against the sandbox: one demo commit followed to the last new pod Ready, with the console's
/// own follower (default 5 s poll). Prints the time per stage and the GitHub requests it took.
/// </summary>
internal static class PipelineBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var timeScale = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 1.0;
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { ApiPort = 0, GatewayPort = 0, GitHubPort = 0, TimeScale = timeScale });
        using var cluster = new ClusterConnection(() => new ClusterTarget(ClusterMode.Kubeconfig, sandbox.KubeconfigPath));
        await using var views = new ClusterViews(new ClusterViewsOptions(), cluster, TimeProvider.System, NullLoggerFactory.Instance);
        var options = new GitHubOptions { Url = sandbox.GitHub.ToString(), Token = sandbox.GitHubToken };
        if (args.Length > 1)
        {
            options.PollInterval = TimeSpan.FromSeconds(double.Parse(args[1], CultureInfo.InvariantCulture));
        }

        var connection = new GitHubConnection(options, TimeProvider.System);
        var target = new RepositoryTarget("DvwN-Lee", "Monitoring-v2", "main", "user-service/DEMO.txt");
        var commit = await new DemoCommitService(connection, TimeProvider.System).CommitAsync(new DemoCommitRequest(target, "데모: CI/CD 파이프라인 테스트"));
        if (!commit.Succeeded)
        {
            Console.Error.WriteLine(commit.Problem);
            return 1;
        }

        await using var tracking = new PipelineFollower(connection, views, TimeProvider.System)
            .Follow(new PipelineFollowRequest(target, commit.Sha!, commit.Message, commit.CommittedAt!.Value, commit.HtmlUrl));
        var peak = 0;
        PipelineSnapshot last = tracking.Current;
        await foreach (var snapshot in tracking.WatchAsync())
        {
            peak = Math.Max(peak, snapshot.Requests.LastMinute);
            last = snapshot;
            if (snapshot.IsFinished)
            {
                break;
            }
        }

        var following = last.UpdatedAt - commit.CommittedAt!.Value;
        Console.WriteLine($"pipeline (time scale {timeScale}, poll {options.PollInterval.TotalSeconds} s): {last.Outcome}, commit → last new pod Ready {last.Elapsed.TotalSeconds:F0} s");
        foreach (var stage in last.Stages.Skip(1))
        {
            Console.WriteLine($"  {stage.Kind,-8} {stage.Duration?.TotalSeconds,6:F0} s   {stage.Detail}");
        }

        Console.WriteLine($"  GitHub requests: {last.Requests.Total} in {following.TotalMinutes:F1} min ({last.Requests.Total / Math.Max(following.TotalMinutes, 1.0 / 60):F1}/min average, peak {peak} in one minute), {last.Requests.NotModified} of them 304 (free)");
        return last.Outcome == PipelineOutcome.Succeeded ? 0 : 1;
    }
}
