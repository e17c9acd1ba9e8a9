using DemoConsole.Core.Actions;
using DemoConsole.Core.Cluster.Actions;
using DemoConsole.Core.Scenarios;
using DemoConsole.Tests.Shared;

namespace DemoConsole.Core.Tests.Cluster.Actions;

/// <summary>Every guard rail refuses on the server, whether the check needs the cluster or not, and no DELETE reaches the API.</summary>
public sealed class PodKillGuardRailTests
{
    private static Scenario Kills(params (string Id, (string Key, string Value)[] Parameters)[] actions) =>
        TestScenarios.ThreeParts([.. actions.Select(a => TestScenarios.Action(a.Id, PodKillKind.Descriptor.Name, 3, a.Parameters))]);

    [Theory]
    [InlineData("istio-system", "istiod", "not allow-listed")]
    [InlineData("titanium-prod", "postgresql", "protected")]
    [InlineData("titanium-prod", "prod-redis", "looks like a database")]
    public async Task Start_RefusedBeforeAnyClusterCall_ReasonAndNoDelete(string ns, string deployment, string reason)
    {
        await using var host = await ClusterActionsHost.StartAsync(scenario: Kills(("kill", [("namespace", ns), ("deployment", deployment)])));

        var availability = host.Executor.List(ClusterActionsHost.Presenter).Single();
        var started = host.Executor.Start(ClusterActionsHost.Presenter, "kill");

        Assert.False(availability.CanRun);
        Assert.Contains(reason, availability.Reason);
        Assert.False(started.Started);
        Assert.Contains(reason, started.Error);
        Assert.Empty(host.PodDeletes(dryRun: false));
        Assert.Empty(host.PodDeletes(dryRun: true));
    }

    [Fact]
    public async Task Run_PodOfStatefulSet_IsRefusedAtRunTimeAndSendsNoDelete()
    {
        await using var host = await ClusterActionsHost.StartAsync(scenario: Kills(("kill-db", [("pod", "postgresql-0")])));

        var run = await host.RunToEndAsync("kill-db");

        Assert.Equal(ActionRunStatus.Refused, run.Status);
        Assert.Contains("StatefulSet 'postgresql' is protected", run.Message?.ToString());
        Assert.Empty(host.PodDeletes(dryRun: false));
        Assert.Empty(host.PodDeletes(dryRun: true));
    }

    [Theory]
    [InlineData("pod", "prod-queue-0")]
    [InlineData("deployment", "prod-queue")]
    public async Task Run_StatefulSetWhoseNameSaysNothingOfDatabases_IsRefusedAndSendsNoDelete(string key, string value)
    {
        await using var host = await ClusterActionsHost.StartAsync(scenario: Kills(("kill-queue", [(key, value)])));
        await GuardRailWorld.CreateQueueStatefulSetAsync(host.Client);

        var run = await host.RunToEndAsync("kill-queue");

        Assert.Equal(ActionRunStatus.Refused, run.Status);
        Assert.Contains("StatefulSet 'prod-queue' is protected: StatefulSets hold state", run.Message?.ToString());
        Assert.Empty(host.PodDeletes(dryRun: false));
        Assert.Empty(host.PodDeletes(dryRun: true));
    }

    [Fact]
    public async Task Run_LastReadyReplica_IsRefusedEvenWhenProtectedWorkloadsAreAllowed()
    {
        await using var host = await ClusterActionsHost.StartAsync(
            new ClusterActionOptions { AllowProtectedWorkloads = true },
            Kills(("kill-redis", [("deployment", "prod-redis")])));

        var run = await host.RunToEndAsync("kill-redis");
        var preview = await host.Kills.PreviewAsync(new PodKillTarget("titanium-prod", "prod-redis"), CancellationToken.None);

        Assert.Equal(ActionRunStatus.Refused, run.Status);
        Assert.Contains("last Ready replica", run.Message?.ToString());
        Assert.False(preview.CanKill);
        Assert.False(preview.DryRunAccepted);
        Assert.Contains("last Ready replica", preview.Summary?.ToString());
        Assert.Empty(host.PodDeletes(dryRun: false));
        Assert.Empty(host.PodDeletes(dryRun: true));
    }

    [Fact]
    public async Task Run_PodWithoutController_IsRefusedAndSendsNoDelete()
    {
        await using var host = await ClusterActionsHost.StartAsync(scenario: Kills(("kill-missing", [("deployment", "no-such-deployment")])));

        var run = await host.RunToEndAsync("kill-missing");

        Assert.Equal(ActionRunStatus.Refused, run.Status);
        Assert.Contains("no Deployment 'no-such-deployment'", run.Message?.ToString());
        Assert.Empty(host.PodDeletes(dryRun: false));
    }

    [Fact]
    public async Task Start_TwoKillsOfTheSameServiceAtOnce_SecondIsRefusedAsTheLastReadyReplica()
    {
        var blog = new[] { ("deployment", "prod-blog-service-deployment") };
        await using var host = await ClusterActionsHost.StartAsync(
            new ClusterActionOptions { MinimumKillInterval = TimeSpan.Zero },
            Kills(("kill-a", blog), ("kill-b", blog)),
            timeScale: 0.05);

        var runs = await Task.WhenAll(host.RunToEndAsync("kill-a"), host.RunToEndAsync("kill-b"));

        Assert.Single(runs, r => r.Status == ActionRunStatus.Succeeded);
        var refused = Assert.Single(runs, r => r.Status == ActionRunStatus.Refused);
        Assert.Contains("last Ready replica", refused.Message?.ToString());
        Assert.Single(host.PodDeletes(dryRun: false));
    }
}
