using System.Text.Json.Nodes;
using DemoConsole.Sandbox.ArgoCd;
using DemoConsole.Sandbox.Store;
using DemoConsole.Sandbox.Tests.Support;
using DemoConsole.Tests.Shared;
using k8s;
using Octokit;

namespace DemoConsole.Sandbox.Tests.GitHub;

/// <summary>
/// The seed's part 2 end to end at a fast time scale: demo commit → CI run → CD run commits the image tag →
/// Argo CD OutOfSync → Syncing → Synced → the deployment rolls → new pods Ready; and the bad day (a failure marker).
/// </summary>
public sealed class PipelineSimulationTests
{
    private const string Owner = TestGitHub.Owner;
    private const string Repo = TestGitHub.Repo;
    private const string Deployment = "prod-user-service-deployment";

    [Fact]
    public async Task DemoCommit_FastTimeScale_CiCdArgoSyncAndRolloutToNewImage()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var store = sandbox.Cluster.Store;
        using var appEvents = store.Watch(ResourceTypes.Applications, "argocd", store.ResourceVersion, capacity: 100_000);
        var client = TestGitHub.Client(sandbox);

        var demo = await TestGitHub.DemoCommitAsync(client, "데모: CI/CD 파이프라인 테스트");
        var sha = demo.Commit.Sha;
        var runs = await WaitForRunsAsync(client, sha, r => r.Count == 2 && r.All(x => x.Status.Value == WorkflowRunStatus.Completed));

        var ci = Assert.Single(runs, r => r.Name == "CI");
        var cd = Assert.Single(runs, r => r.Name == "CD");
        Assert.Equal(WorkflowRunConclusion.Success, ci.Conclusion?.Value);
        Assert.Equal(WorkflowRunConclusion.Success, cd.Conclusion?.Value);
        Assert.Equal("push", ci.Event);
        Assert.Equal("workflow_run", cd.Event);
        var job = Assert.Single((await client.Actions.Workflows.Jobs.List(Owner, Repo, ci.Id)).Jobs);
        Assert.Equal("build (user-service)", job.Name);
        Assert.Contains(job.Steps, s => s.Name == "Trivy vulnerability scan" && s.Conclusion?.Value == WorkflowJobConclusion.Success);
        Assert.All(job.Steps, s => Assert.NotNull(s.CompletedAt));

        // The CD run's own commit: the image tag in the overlay, on top of the demo commit.
        var head = await client.Repository.Commit.Get(Owner, Repo, "main");
        var tag = sha[..7];
        Assert.Equal(sha, Assert.Single(head.Parents).Sha);
        Assert.Equal("github-actions[bot]", head.Commit.Author.Name);
        Assert.Contains($"+    newTag: {KustomizeImages.TagScalar(tag)}", Assert.Single(head.Files).Patch, StringComparison.Ordinal);

        using var kube = TestSandbox.Client(sandbox);
        var image = $"docker.io/dvwnlee/titanium-user-service:{tag}";
        await AsyncWait.UntilAsync(async () =>
        {
            // Old pods still terminating are on their way out, as in kubectl's view of a finished rollout.
            var pods = (await kube.CoreV1.ListNamespacedPodAsync("titanium-prod", labelSelector: "app=user-service")).Items
                .Where(p => p.Metadata.DeletionTimestamp is null).ToList();
            var d = await kube.AppsV1.ReadNamespacedDeploymentAsync(Deployment, "titanium-prod");
            return d.Spec.Template.Spec.Containers[0].Image == image
                && pods.Count == 2
                && pods.All(p => p.Spec.Containers[0].Image == image && p.Status.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true);
        }, "the user-service pods to run the new image", TimeSpan.FromMinutes(3));
        await AsyncWait.UntilAsync(() => store.Get(ResourceTypes.Applications, "argocd", "titanium-prod") is { } app
            && (string?)app.Node["status"]?["health"]?["status"] == "Healthy" && (string?)app.Node["status"]?["sync"]?["revision"] == head.Sha, "titanium-prod Synced and Healthy");

        var seen = new List<string>();
        while (appEvents.Events.TryRead(out var e))
        {
            if (e.Object.Name == "titanium-prod")
            {
                seen.Add($"{e.Object.Node["status"]?["sync"]?["status"]}/{e.Object.Node["status"]?["operationState"]?["phase"]}/{e.Object.Node["status"]?["health"]?["status"]}");
            }
        }

        // OutOfSync → Syncing (operation Running) → Synced while the rollout progresses → Healthy, in that order.
        var outOfSync = seen.IndexOf("OutOfSync/Succeeded/Healthy");
        var syncing = seen.IndexOf("OutOfSync/Running/Healthy");
        var progressing = seen.IndexOf("Synced/Succeeded/Progressing");
        Assert.True(outOfSync >= 0 && syncing > outOfSync && progressing > syncing && seen[^1] == "Synced/Succeeded/Healthy", string.Join(", ", seen));
        var history = store.Get(ResourceTypes.Applications, "argocd", "titanium-prod")!.Node["status"]!["history"]!.AsArray();
        Assert.Equal(head.Sha, (string?)history[^1]!["revision"]);

        using var kubectl = new Kubectl(sandbox);
        var apps = await kubectl.RunAsync("get", "applications", "-n", "argocd");
        Assert.True(apps.ExitCode == 0, apps.ToString());
        Assert.Matches(@"(?m)^titanium-prod\s+Synced\s+Healthy$", apps.Stdout);
        var deployed = await kubectl.RunAsync("get", "deployment", Deployment, "-n", "titanium-prod", "-o", "jsonpath={.spec.template.spec.containers[0].image}");
        Assert.Equal(image, deployed.Stdout);
        Assert.Empty(sandbox.Cluster.Faults);
    }

    [Fact]
    public async Task DemoCommit_TrivyFailureMarker_FailsTheScanAndLeavesTheDeploymentAlone()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var store = sandbox.Cluster.Store;
        var before = store.GetRequired(ResourceTypes.Deployments, "titanium-prod", Deployment);
        var client = TestGitHub.Client(sandbox);

        var demo = await TestGitHub.DemoCommitAsync(client, "데모: 보안 스캔 실패 [fail:trivy]");
        var runs = await WaitForRunsAsync(client, demo.Commit.Sha, r => r.Count > 0 && r.All(x => x.Status.Value == WorkflowRunStatus.Completed));

        var ci = Assert.Single(runs);
        Assert.Equal(WorkflowRunConclusion.Failure, ci.Conclusion?.Value);
        var steps = Assert.Single((await client.Actions.Workflows.Jobs.List(Owner, Repo, ci.Id)).Jobs).Steps;
        Assert.Equal(WorkflowJobConclusion.Failure, steps.Single(s => s.Name == "Trivy vulnerability scan").Conclusion?.Value);
        Assert.Equal(WorkflowJobConclusion.Skipped, steps.Single(s => s.Name == "Push image").Conclusion?.Value);
        Assert.Equal(demo.Commit.Sha, (await client.Git.Reference.Get(Owner, Repo, "heads/main")).Object.Sha);
        var after = store.GetRequired(ResourceTypes.Deployments, "titanium-prod", Deployment);
        Assert.Equal(before.Node["spec"]!.ToJsonString(), after.Node["spec"]!.ToJsonString());
    }

    [Fact]
    public async Task WorkflowsAndRuns_Filters_ListByHeadShaBranchStatusAndEvent()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = TestGitHub.Client(sandbox);
        var demo = await TestGitHub.DemoCommitAsync(client, "데모: 필터");

        var workflows = await client.Actions.Workflows.List(Owner, Repo);
        var bySha = await client.Actions.Workflows.Runs.List(Owner, Repo, new WorkflowRunsRequest { HeadSha = demo.Commit.Sha });
        var byBranchAndEvent = await client.Actions.Workflows.Runs.List(Owner, Repo, new WorkflowRunsRequest { Branch = "main", Event = "push" });
        var none = await client.Actions.Workflows.Runs.List(Owner, Repo, new WorkflowRunsRequest { HeadSha = new string('0', 40) });
        var ciRuns = await client.Actions.Workflows.Runs.ListByWorkflow(Owner, Repo, "ci.yml");
        var failed = await client.Actions.Workflows.Runs.List(Owner, Repo, new WorkflowRunsRequest { Status = CheckRunStatusFilter.Failure });

        Assert.Equal(["CD", "CI"], workflows.Workflows.Select(w => w.Name).Order(StringComparer.Ordinal));
        Assert.Equal(demo.Commit.Sha, Assert.Single(bySha.WorkflowRuns).HeadSha);
        Assert.Single(byBranchAndEvent.WorkflowRuns);
        Assert.Equal(0, none.TotalCount);
        Assert.Single(ciRuns.WorkflowRuns);
        Assert.Empty(failed.WorkflowRuns);
    }

    private static Task<IReadOnlyList<WorkflowRun>> WaitForRunsAsync(GitHubClient client, string sha, Func<IReadOnlyList<WorkflowRun>, bool> done) =>
        AsyncWait.ForAsync(ct => PollAsync(client, sha, ct), done, $"workflow runs of {sha}");

    private static async IAsyncEnumerable<IReadOnlyList<WorkflowRun>> PollAsync(GitHubClient client, string sha, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        do
        {
            yield return (await client.Actions.Workflows.Runs.List(Owner, Repo, new WorkflowRunsRequest { HeadSha = sha })).WorkflowRuns;
        }
        while (await tick.WaitForNextTickAsync(ct));
    }
}
