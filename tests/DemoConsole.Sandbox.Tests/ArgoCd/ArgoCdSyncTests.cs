using System.Text;
using System.Text.Json.Nodes;
using DemoConsole.Sandbox.ArgoCd;
using DemoConsole.Sandbox.GitHub.Actions;
using DemoConsole.Sandbox.GitHub.Git;
using DemoConsole.Sandbox.Store;
using DemoConsole.Sandbox.Tests.Support;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DemoConsole.Sandbox.Tests.ArgoCd;

/// <summary>
/// The sandbox's Argo CD against commits of the overlay as the CD workflow writes them (pushed straight to the twin's
/// repository, "[skip ci]"), while clients and controllers write the same Deployment. Part 2's pipeline used to hang
/// at "OutOfSync, operation Running" when the demo commit's short sha was digits only: the tag was written unquoted,
/// reading it threw inside the sync step, and the operation was left Running for ever.
/// </summary>
public sealed class ArgoCdSyncTests
{
    private const string Ns = "titanium-prod";
    private const string Deployment = "prod-user-service-deployment";
    private const string Image = "docker.io/dvwnlee/titanium-user-service";

    [Fact]
    public async Task ManyCdCommits_DeploymentScaledAndItsPodsKilledMeanwhile_EverySyncSucceedsWithItsTag()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var store = sandbox.Cluster.Store;
        using var kube = TestSandbox.Client(sandbox);
        using var stop = new CancellationTokenSource();
        var churn = ChurnAsync(kube, stop.Token);

        // Short shas of every shape a tag can take: digits only (YAML integers, one with a leading zero), a YAML float
        // (digits, e, digits), and the common ones with letters.
        foreach (var tag in new[] { "8176276", "a1b2c3d", "0123456", "553640e6", "4f1c2a9", "9999999", "817627e", "1234e56" })
        {
            var commit = PushOverlay(sandbox, text => KustomizeImages.SetNewTag(text, Image, tag));
            await StoreWait.UntilAsync(sandbox, s => Status(s)?["operationState"]?["syncResult"]?["revision"]?.GetValue<string>() == commit.Sha
                && Phase(s) is not "Running", $"the sync of {tag} to end", TimeSpan.FromSeconds(60));

            var status = Status(store)!;
            Assert.True(Phase(store) == "Succeeded", $"{tag}: {status.ToJsonString()}");
            Assert.Equal("Synced", (string?)status["sync"]!["status"]);
            Assert.Equal(commit.Sha, (string?)status["sync"]!["revision"]);
            Assert.Equal($"{Image}:{tag}", (string?)store.GetRequired(ResourceTypes.Deployments, Ns, Deployment).Node["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]);
        }

        await stop.CancelAsync();
        var writes = await churn;
        Assert.True(writes > 0, "nothing wrote the deployment while it was synced");
        Assert.Empty(sandbox.Faults);
    }

    [Fact]
    public async Task HandWrittenNumericTag_ComparisonErrorAndNoSync_UntilAQuotedOneFixesIt()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var store = sandbox.Cluster.Store;
        var before = store.GetRequired(ResourceTypes.Deployments, Ns, Deployment).Node["spec"]!.ToJsonString();

        var broken = PushOverlay(sandbox, text => text.Replace("newTag: v2.0.2", "newTag: 8176276", StringComparison.Ordinal));
        await StoreWait.UntilAsync(sandbox, s => (string?)Status(s)?["sync"]?["revision"] == broken.Sha, "Argo CD to compare the broken revision");

        var status = Status(store)!;
        Assert.Equal("Unknown", (string?)status["sync"]!["status"]);
        var condition = Assert.Single(status["conditions"]!.AsArray());
        Assert.Equal("ComparisonError", (string?)condition!["type"]);
        Assert.Equal(
            "Failed to load target state: failed to generate manifest for source 1 of 1: rpc error: code = Unknown desc = "
            + "`kustomize build k8s-manifests/overlays/solid-cloud` failed exit status 1: Error: invalid Kustomization: "
            + "json: cannot unmarshal number into Go struct field Image.images.newTag of type string",
            (string?)condition["message"]);
        Assert.Equal("Succeeded", Phase(store)); // no operation started: auto-sync only syncs an OutOfSync app
        Assert.Null(store.Get(ResourceTypes.Applications, "argocd", "titanium-prod")!.Node["operation"]);
        Assert.Equal(before, store.GetRequired(ResourceTypes.Deployments, Ns, Deployment).Node["spec"]!.ToJsonString());

        var fixedCommit = PushOverlay(sandbox, text => KustomizeImages.SetNewTag(text, Image, "8176276"));
        await StoreWait.UntilAsync(sandbox, s => Status(s)?["operationState"]?["syncResult"]?["revision"]?.GetValue<string>() == fixedCommit.Sha
            && Phase(s) == "Succeeded", "the quoted tag to sync");
        Assert.Equal("Synced", (string?)Status(store)!["sync"]!["status"]);
        Assert.Null(Status(store)!["conditions"]);
        Assert.Empty(sandbox.Faults);
    }

    [Fact]
    public async Task SyncStepThatThrows_OperationEndsInErrorWithTheMessage_AndTheFaultIsRecordedAndLogged()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var log = new ListLogger();
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            ApiPort = 0, GatewayPort = 0, PrometheusPort = 0, GitHubPort = 0, TimeScale = 1, TimeProvider = clock, Logger = log,
        });
        var store = sandbox.Cluster.Store;
        var commit = PushOverlay(sandbox, text => KustomizeImages.SetNewTag(text, Image, "c0ffee1"));
        await DiscreteEvents.RunUntilAsync(sandbox, clock, () => Phase(store) == "Running", "syncing", TimeSpan.FromMinutes(1));

        // Between the start of the operation and its sync step, the Application's status.sync stops being an object:
        // writing the result then throws inside the timed transition.
        store.Update(ResourceTypes.Applications, "argocd", "titanium-prod", o =>
        {
            o["status"]!["sync"] = "not an object";
            return true;
        });
        await DiscreteEvents.RunUntilAsync(sandbox, clock, () => Phase(store) != "Running", "the operation ended", TimeSpan.FromMinutes(1));

        var operation = Status(store)!["operationState"]!;
        Assert.Equal("Error", (string?)operation["phase"]);
        var fault = Assert.Single(sandbox.Faults);
        Assert.StartsWith("InvalidOperationException: ", fault, StringComparison.Ordinal);
        Assert.Equal(fault["InvalidOperationException: ".Length..], (string?)operation["message"]);
        Assert.NotNull(operation["finishedAt"]);
        Assert.Equal(commit.Sha, (string?)operation["syncResult"]!["revision"]);
        Assert.Null(store.Get(ResourceTypes.Applications, "argocd", "titanium-prod")!.Node["operation"]);
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException);
    }

    /// <summary>A commit of the overlay on main, by the CD workflow's bot, that CI skips.</summary>
    private static GitCommit PushOverlay(SandboxHost sandbox, Func<string, string> edit)
    {
        var repository = sandbox.GitHubTwin.Repository;
        var blob = repository.Resolve("main")!.Tree[PipelineSimulator.OverlayPath];
        var bot = new GitSignature(PipelineSimulator.BotName, PipelineSimulator.BotEmail, sandbox.Cluster.Now);
        var content = edit(Encoding.UTF8.GetString(blob.Content));
        var outcome = repository.PutFile("main", PipelineSimulator.OverlayPath, Encoding.UTF8.GetBytes(content), "chore(cd): update user-service image [skip ci]", blob.Sha, bot, bot);
        return outcome.Commit ?? throw new InvalidOperationException(outcome.Problem);
    }

    /// <summary>Another client scaling the deployment up and down and deleting its pods, so its controller is busy throughout.</summary>
    private static async Task<int> ChurnAsync(Kubernetes kube, CancellationToken stop)
    {
        var writes = 0;
        while (!stop.IsCancellationRequested)
        {
            var replicas = 2 + (writes % 2);
            await kube.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch($"{{\"spec\":{{\"replicas\":{replicas}}}}}", V1Patch.PatchType.MergePatch), Deployment, Ns, cancellationToken: CancellationToken.None);
            var pods = await kube.CoreV1.ListNamespacedPodAsync(Ns, labelSelector: "app=user-service", cancellationToken: CancellationToken.None);
            if (pods.Items.FirstOrDefault(p => p.Metadata.DeletionTimestamp is null) is { } victim)
            {
                try
                {
                    await kube.CoreV1.DeleteNamespacedPodAsync(victim.Metadata.Name, Ns, cancellationToken: CancellationToken.None);
                }
                catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
                {
                    // Scaled away by the controller since the list: this client lost the race, as kubectl would.
                }
            }

            writes++;
        }

        return writes;
    }

    private static JsonNode? Status(ResourceStore store) => store.Get(ResourceTypes.Applications, "argocd", "titanium-prod")?.Node["status"];

    private static string? Phase(ResourceStore store) => (string?)Status(store)?["operationState"]?["phase"];
}
