using DemoConsole.Core.Pipeline;
using DemoConsole.Core.Tests.Cluster;
using DemoConsole.Tests.Shared;
using k8s;
using Xunit.Abstractions;

namespace DemoConsole.Core.Tests.Pipeline;

/// <summary>The demo commit followed to running pods, against the sandbox's GitHub twin and cluster at a fast time scale.</summary>
public sealed class PipelineFollowerTests(ITestOutputHelper output)
{
    private const string Deployment = "prod-user-service-deployment";

    [Fact]
    public async Task Follow_DemoCommit_FillsEveryStageUntilTheNewPodsAreReady()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        await using var views = sandbox.Views();
        var connection = PipelineSandbox.Connection(sandbox.Host);
        var commit = await new DemoCommitService(connection, TimeProvider.System)
            .CommitAsync(new DemoCommitRequest(PipelineSandbox.Demo, "데모: CI/CD 파이프라인 테스트"));
        Assert.True(commit.Succeeded, commit.Problem?.Message);

        await using var tracking = new PipelineFollower(connection, views, TimeProvider.System)
            .Follow(new PipelineFollowRequest(PipelineSandbox.Demo, commit.Sha!, commit.Message, commit.CommittedAt!.Value, commit.HtmlUrl));
        var watched = await AsyncWait.ForAsync(tracking.WatchAsync, s => s.IsFinished, "the pipeline to finish", PipelineSandbox.Patience);
        var final = await tracking.Completion.WaitAsync(PipelineSandbox.Patience);

        Assert.True(final.Outcome == PipelineOutcome.Succeeded, PipelineSandbox.Describe(final));
        Assert.All(final.Stages, s => Assert.Equal(PipelineStageState.Succeeded, s.State));
        Assert.Equal([PipelineStageKind.Commit, PipelineStageKind.Ci, PipelineStageKind.Cd, PipelineStageKind.Sync, PipelineStageKind.Rollout], final.Stages.Select(s => s.Kind));
        var ci = Assert.Single(final.Runs, r => r.IsCi);
        Assert.Contains(Assert.Single(ci.Jobs).Steps, s => s.Name == "Trivy vulnerability scan" && s.Conclusion == "success");
        Assert.Single(final.Runs, r => !r.IsCi && r.Workflow == "CD");
        var tag = commit.Sha![..7];
        Assert.Equal(tag, final.NewImageTag);
        Assert.NotNull(final.DeployCommit);
        Assert.Equal("titanium-prod", final.Argo?.Name);
        Assert.True(final.Argo!.AtNewRevision);
        Assert.Equal(Deployment, final.Rollout?.Deployment);
        Assert.Equal(2, final.Rollout!.NewReady);
        Assert.True(final.Requests.Total > 0);
        Assert.Null(final.Failure);
        for (var i = 1; i < final.Stages.Count; i++)
        {
            Assert.Equal(final.Stages[i - 1].FinishedAt, final.Stages[i].StartedAt);
        }

        var deployment = await sandbox.Client.AppsV1.ReadNamespacedDeploymentAsync(Deployment, "titanium-prod");
        Assert.Equal($"docker.io/dvwnlee/titanium-user-service:{tag}", deployment.Spec.Template.Spec.Containers[0].Image);
        Assert.Equal(final, watched);
        output.WriteLine($"time scale {sandbox.TimeScale}: total {final.Elapsed}; " + string.Join(", ", final.Stages.Select(s => $"{s.Kind} {s.Duration}"))
            + $"; GitHub requests {final.Requests.Total} ({final.Requests.NotModified} x 304)");
    }

    [Fact]
    public async Task Follow_TrivyFailureMarker_StopsAtTheRedStepAndNothingRollsOut()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        await using var views = sandbox.Views();
        var connection = PipelineSandbox.Connection(sandbox.Host);
        var before = await sandbox.Client.AppsV1.ReadNamespacedDeploymentAsync(Deployment, "titanium-prod");
        var commit = await new DemoCommitService(connection, TimeProvider.System)
            .CommitAsync(new DemoCommitRequest(PipelineSandbox.Demo, "데모: 보안 스캔 실패 [fail:trivy]"));

        await using var tracking = new PipelineFollower(connection, views, TimeProvider.System)
            .Follow(new PipelineFollowRequest(PipelineSandbox.Demo, commit.Sha!, commit.Message, commit.CommittedAt!.Value));
        var final = await tracking.Completion.WaitAsync(PipelineSandbox.Patience);

        Assert.True(final.Outcome == PipelineOutcome.Failed, PipelineSandbox.Describe(final));
        Assert.Equal("Trivy vulnerability scan", final.Failure?.Step);
        Assert.Contains("/actions/runs/", final.Failure!.LogUrl, StringComparison.Ordinal);
        Assert.Equal(PipelineStageState.Failed, final.Stage(PipelineStageKind.Ci).State);
        Assert.Equal(PipelineStageState.Pending, final.Stage(PipelineStageKind.Cd).State);
        Assert.Equal(PipelineStageState.Pending, final.Stage(PipelineStageKind.Rollout).State);
        Assert.Null(final.DeployCommit);
        Assert.Equal(final.Stage(PipelineStageKind.Ci).FinishedAt! - commit.CommittedAt, final.Elapsed);
        var after = await sandbox.Client.AppsV1.ReadNamespacedDeploymentAsync(Deployment, "titanium-prod");
        Assert.Equal(before.Metadata.Generation, after.Metadata.Generation);
        Assert.Equal(before.Spec.Template.Spec.Containers[0].Image, after.Spec.Template.Spec.Containers[0].Image);
    }
}
