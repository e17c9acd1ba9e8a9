using DemoConsole.Core.Actions;
using DemoConsole.Core.Cluster.Actions;
using DemoConsole.Core.Scenarios;
using DemoConsole.Tests.Shared;
using k8s;

namespace DemoConsole.Core.Tests.Cluster.Actions;

/// <summary>rollout-restart, rollout-undo and rollout history against a private sandbox, through the executor.</summary>
public sealed class RolloutTests
{
    private const string Ns = "titanium-prod";
    private const string Blog = "prod-blog-service-deployment";

    private static Scenario Rollouts(string deployment) => TestScenarios.ThreeParts(
        TestScenarios.Action("restart", RolloutKinds.Restart.Name, 3, ("deployment", deployment)),
        TestScenarios.Action("undo", RolloutKinds.Undo.Name, 3, ("deployment", deployment)),
        TestScenarios.Action("undo-to-1", RolloutKinds.Undo.Name, 3, ("deployment", deployment), ("revision", "1")));

    [Fact]
    public async Task HistoryAsync_ApiGateway_ListsTheSeededRevisionsWithTheCurrentMarked()
    {
        await using var host = await ClusterActionsHost.StartAsync(scenario: Rollouts("prod-api-gateway-deployment"));

        var history = await host.Rollouts.HistoryAsync(Ns, "prod-api-gateway-deployment", CancellationToken.None);

        Assert.Equal([1L, 2L], history.Revisions.Select(r => r.Revision));
        Assert.Equal(2, history.CurrentRevision);
        Assert.True(history.Revisions[1].IsCurrent);
        Assert.Equal(1, history.Previous?.Revision);
        Assert.Contains("docker.io/dvwnlee/titanium-api-gateway:v2.0.2", history.Revisions[0].Images);
    }

    [Fact]
    public async Task Run_RolloutRestart_CreatesANewRevisionWithRestartedAtAndAllReplicasReady()
    {
        await using var host = await ClusterActionsHost.StartAsync(scenario: Rollouts(Blog));
        var before = await host.Rollouts.HistoryAsync(Ns, Blog, CancellationToken.None);

        var run = await host.RunToEndAsync("restart");

        Assert.Equal(ActionRunStatus.Succeeded, run.Status);
        var progress = Assert.IsType<RolloutProgress>(run.Result);
        Assert.True(progress.Done);
        Assert.Equal(before.CurrentRevision + 1, progress.Revision);
        Assert.Equal(2, progress.Ready);
        var after = await host.Rollouts.HistoryAsync(Ns, Blog, CancellationToken.None);
        Assert.Equal(before.Revisions.Count + 1, after.Revisions.Count);
        Assert.Equal(progress.Revision, after.CurrentRevision);
        var current = await host.Client.AppsV1.ReadNamespacedReplicaSetAsync(after.Revisions.Single(r => r.IsCurrent).ReplicaSet, Ns);
        Assert.True(current.Spec.Template.Metadata.Annotations.ContainsKey(DeploymentRollouts.RestartedAtAnnotation));
        Assert.Equal(2, current.Status.ReadyReplicas);
    }

    [Fact]
    public async Task Run_RolloutUndoAfterRestart_BringsBackThePreviousTemplateAsTheNextRevision()
    {
        await using var host = await ClusterActionsHost.StartAsync(scenario: Rollouts(Blog));
        var original = (await host.Rollouts.HistoryAsync(Ns, Blog, CancellationToken.None)).Revisions.Single(r => r.IsCurrent);
        Assert.Equal(ActionRunStatus.Succeeded, (await host.RunToEndAsync("restart")).Status);

        var run = await host.RunToEndAsync("undo");

        Assert.Equal(ActionRunStatus.Succeeded, run.Status);
        Assert.Contains("Rolled back", run.Message?.ToString());
        var history = await host.Rollouts.HistoryAsync(Ns, Blog, CancellationToken.None);
        var current = history.Revisions.Single(r => r.IsCurrent);
        Assert.Equal(original.ReplicaSet, current.ReplicaSet);
        Assert.Equal(original.Revision + 2, current.Revision);
        var deployment = await host.Client.AppsV1.ReadNamespacedDeploymentAsync(Blog, Ns);
        Assert.False(deployment.Spec.Template.Metadata.Annotations?.ContainsKey(DeploymentRollouts.RestartedAtAnnotation) ?? false);
        Assert.False(deployment.Spec.Template.Metadata.Labels.ContainsKey("pod-template-hash"));
        Assert.Contains(host.Sandbox.Journal.Requests, r => r.Method == "PATCH" && r.Path.EndsWith("/deployments/" + Blog, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_RolloutUndoToRevision_ApiGatewayGoesBackToTheSeededRelease()
    {
        await using var host = await ClusterActionsHost.StartAsync(scenario: Rollouts("prod-api-gateway-deployment"));

        var run = await host.RunToEndAsync("undo-to-1");

        Assert.Equal(ActionRunStatus.Succeeded, run.Status);
        var deployment = await host.Client.AppsV1.ReadNamespacedDeploymentAsync("prod-api-gateway-deployment", Ns);
        Assert.Equal("docker.io/dvwnlee/titanium-api-gateway:v2.0.2", deployment.Spec.Template.Spec.Containers[0].Image);
        Assert.Equal("3", deployment.Metadata.Annotations[DeploymentRollouts.RevisionAnnotation]);
    }

    [Fact]
    public async Task Start_RolloutOfProtectedOrForeignWorkload_IsRefused()
    {
        await using var host = await ClusterActionsHost.StartAsync(scenario: TestScenarios.ThreeParts(
            TestScenarios.Action("restart-redis", RolloutKinds.Restart.Name, 3, ("deployment", "prod-redis")),
            TestScenarios.Action("restart-istiod", RolloutKinds.Restart.Name, 3, ("deployment", "istiod"), ("namespace", "istio-system"))));

        var redis = host.Executor.Start(ClusterActionsHost.Presenter, "restart-redis");
        var istiod = host.Executor.Start(ClusterActionsHost.Presenter, "restart-istiod");

        Assert.Contains("protected", redis.Error);
        Assert.Contains("not allow-listed", istiod.Error);
        Assert.DoesNotContain(host.Sandbox.Journal.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task Run_RolloutUndoWithOnlyOneRevision_FailsWithTheReasonAndChangesNothing()
    {
        await using var host = await ClusterActionsHost.StartAsync(scenario: Rollouts(Blog));

        var run = await host.RunToEndAsync("undo");

        Assert.Equal(ActionRunStatus.Failed, run.Status);
        Assert.Contains("no previous revision", run.Message?.ToString());
        Assert.DoesNotContain(host.Sandbox.Journal.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task Run_RolloutRestartOfMissingDeployment_FailsWithTheApiServersWords()
    {
        await using var host = await ClusterActionsHost.StartAsync(scenario: Rollouts("no-such-deployment"));

        var run = await host.RunToEndAsync("restart");

        Assert.Equal(ActionRunStatus.Failed, run.Status);
        Assert.Contains("no-such-deployment", run.Message?.ToString());
        Assert.Contains("(404)", run.Message?.ToString());
    }
}
