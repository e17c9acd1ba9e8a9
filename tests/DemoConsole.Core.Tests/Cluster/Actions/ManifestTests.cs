using System.Diagnostics;
using System.Net;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Cluster.Actions;
using DemoConsole.Core.Scenarios;
using DemoConsole.Tests.Shared;
using k8s.Autorest;
using k8s;

namespace DemoConsole.Core.Tests.Cluster.Actions;

/// <summary>apply-manifest / delete-manifest of the shipped load generator, and manifest paths that must never be read.</summary>
public sealed class ManifestTests
{
    private const string Ns = "titanium-prod";

    [Fact]
    public async Task Run_DefaultScenarioApplyThenDelete_CreatesAndRemovesTheLoadGenerator()
    {
        await using var host = await ClusterActionsHost.StartAsync();

        var apply = await host.RunToEndAsync("load-generator-apply");
        var applied = await host.Client.AppsV1.ReadNamespacedDeploymentAsync("load-generator", Ns);
        var delete = await host.RunToEndAsync("load-generator-delete");

        Assert.Equal(ActionRunStatus.Succeeded, apply.Status);
        var result = Assert.IsType<ManifestRunResult>(apply.Result);
        Assert.Equal(new ManifestObjectResult("Deployment", "load-generator", Ns, "applied"), Assert.Single(result.Objects));
        Assert.True(Assert.Single(result.Rollouts).Done);
        Assert.Equal(1, applied.Status.ReadyReplicas);
        var patch = Assert.Single(host.Sandbox.Journal.Requests, r => r.Method == "PATCH");
        Assert.EndsWith("/namespaces/titanium-prod/deployments/load-generator", patch.Path);
        Assert.Contains("fieldManager=demo-console", patch.Query);
        Assert.Equal(ActionRunStatus.Succeeded, delete.Status);
        Assert.Equal("deleted", Assert.Single(Assert.IsType<ManifestRunResult>(delete.Result).Objects).Outcome);
        var gone = await Assert.ThrowsAsync<HttpOperationException>(() => host.Client.AppsV1.ReadNamespacedDeploymentAsync("load-generator", Ns));
        Assert.Equal(HttpStatusCode.NotFound, gone.Response.StatusCode);
    }

    [Fact]
    public async Task Run_DeleteWhenNotApplied_ReportsAbsent()
    {
        await using var host = await ClusterActionsHost.StartAsync();

        var delete = await host.RunToEndAsync("load-generator-delete");

        Assert.Equal(ActionRunStatus.Succeeded, delete.Status);
        Assert.Equal("absent", Assert.Single(Assert.IsType<ManifestRunResult>(delete.Result).Objects).Outcome);
    }

    [Theory]
    [InlineData("../manifests/load-generator.yaml", "'..'")]
    [InlineData("/etc/hostname.yaml", "only paths relative")]
    [InlineData("load-generator.json", "only .yaml")]
    [InlineData("k8s-manifests/other.yaml", "not found")]
    public void Resolve_PathNotInsideTheFolder_IsRefused(string path, string reason)
    {
        var locator = new ManifestLocator(new ClusterActionOptions { ManifestFolders = [ClusterActionsHost.SandboxManifests] });

        var location = locator.Resolve(path);

        Assert.False(location.Found);
        Assert.Contains(reason, location.Refusal?.ToString());
    }

    [Fact]
    public void Resolve_SeedPath_FindsTheSandboxManifestByItsTail()
    {
        var locator = new ManifestLocator(new ClusterActionOptions { ManifestFolders = [ClusterActionsHost.SandboxManifests] });

        var location = locator.Resolve("k8s-manifests/overlays/solid-cloud/load-generator.yaml");

        Assert.Equal(Path.GetFullPath(SandboxManifest), location.FullPath);
    }

    [Fact]
    public async Task Run_ManifestOutsideTheFolder_IsRefusedWithoutReadingItOrWriting()
    {
        // Named pipes outside the allowed folder: opening one to read would block, so a prompt refusal proves
        // it was never read, whether named directly or through a link inside the folder.
        var outside = Directory.CreateTempSubdirectory("outside-").FullName;
        var pipe = Path.Combine(outside, "secret.yaml");
        await MakeFifoAsync(pipe);
        var allowed = Directory.CreateTempSubdirectory("manifests-").FullName;
        File.CreateSymbolicLink(Path.Combine(allowed, "linked.yaml"), pipe);
        await using var host = await ClusterActionsHost.StartAsync(
            new ClusterActionOptions { ManifestFolders = [allowed] },
            TestScenarios.ThreeParts(
                TestScenarios.Action("absolute", ManifestActionKinds.Apply.Name, null, ("manifest", pipe)),
                TestScenarios.Action("linked", ManifestActionKinds.Apply.Name, null, ("manifest", "linked.yaml"))));
        var handler = host.Handler(ManifestActionKinds.Apply.Name);

        var absolute = host.Executor.Start(ClusterActionsHost.Presenter, "absolute");
        var linked = host.Executor.Start(ClusterActionsHost.Presenter, "linked");
        var direct = await handler.RunAsync(
            new ActionRunContext("r", TestScenarios.Action("linked", ManifestActionKinds.Apply.Name, null, ("manifest", "linked.yaml")), "alice", _ => { }),
            CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains("only paths relative", absolute.Error);
        Assert.Contains("links to a file outside", linked.Error);
        Assert.Equal(ActionRunStatus.Refused, direct.Status);
        Assert.DoesNotContain(host.Sandbox.Journal.Requests, r => r.Method is "PATCH" or "POST" or "PUT" or "DELETE");
        Directory.Delete(outside, recursive: true);
        Directory.Delete(allowed, recursive: true);
    }

    [Theory]
    [InlineData("foreign.yaml", "namespace: kube-system", "ConfigMap/settings in kube-system: Namespace 'kube-system' is not allow-listed")]
    [InlineData("unsupported.yaml", "", "Secret (v1) is not a kind this console applies")]
    public async Task Run_ManifestWithAForbiddenObject_IsRefusedBeforeTheFirstWrite(string file, string extra, string reason)
    {
        var folder = Directory.CreateTempSubdirectory("manifests-").FullName;
        var kind = file == "unsupported.yaml" ? "Secret" : "ConfigMap";
        await File.WriteAllTextAsync(Path.Combine(folder, file), $"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: first
            ---
            apiVersion: v1
            kind: {kind}
            metadata:
              name: settings
              {extra}
            """);
        await using var host = await ClusterActionsHost.StartAsync(
            new ClusterActionOptions { ManifestFolders = [folder] },
            TestScenarios.ThreeParts(TestScenarios.Action("apply", ManifestActionKinds.Apply.Name, null, ("manifest", "demo/" + file))));

        var run = await host.RunToEndAsync("apply");

        Assert.Equal(ActionRunStatus.Refused, run.Status);
        Assert.Contains(reason, run.Message?.ToString());
        Assert.DoesNotContain(host.Sandbox.Journal.Requests, r => r.Method is "PATCH" or "POST" or "PUT" or "DELETE");
        Directory.Delete(folder, recursive: true);
    }

    private static string SandboxManifest => DemoConsole.Sandbox.SandboxHost.LoadGeneratorManifestPath;

    private static async Task MakeFifoAsync(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        await mkfifo.WaitForExitAsync();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
