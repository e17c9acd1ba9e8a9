using System.Text.Json;
using DemoConsole.Core.Cluster;
using DemoConsole.Core.Pipeline;

namespace DemoConsole.Core.Tests.Pipeline;

public sealed class PipelineUnitTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 20, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("+    newTag: 1a2b3c4", "1a2b3c4")]
    [InlineData("+  - image: docker.io/dvwnlee/titanium-user-service:v2.0.3", "v2.0.3")]
    [InlineData("+  tag: \"1.4.2\"", "1.4.2")]
    [InlineData("-    newTag: v2.0.2", null)]
    [InlineData(" # Demo commit", null)]
    public void FromPatches_AddedLines_FindTheTag(string line, string? expected) =>
        Assert.Equal(expected, ImageTags.FromPatches([$"@@ -1,1 +1,1 @@\n{line}"]));

    [Fact]
    public void Next_PlentyLeft_UsesTheInterval() =>
        Assert.Equal(TimeSpan.FromSeconds(5), RatePacing.Next(TimeSpan.FromSeconds(5), 3, 4000, Now.AddMinutes(30), Now));

    [Fact]
    public void Next_FewLeft_StretchesSoTheyLastUntilTheReset() =>
        Assert.Equal(TimeSpan.FromSeconds(60), RatePacing.Next(TimeSpan.FromSeconds(5), 2, 70, Now.AddMinutes(30), Now));

    [Fact]
    public void Next_NoneLeft_WaitsForTheReset() =>
        Assert.Equal(TimeSpan.FromMinutes(30), RatePacing.Next(TimeSpan.FromSeconds(5), 2, 3, Now.AddMinutes(30), Now));

    [Fact]
    public void ApplicationView_ComparisonErrorCondition_IsItsError()
    {
        var app = new CustomObject
        {
            Metadata = new() { Name = "titanium-prod", NamespaceProperty = "argocd" },
            Spec = JsonDocument.Parse("""{"source":{"repoURL":"https://github.com/DvwN-Lee/Monitoring-v2.git","path":"k8s-manifests/overlays/solid-cloud"}}""").RootElement,
            Status = JsonDocument.Parse("""
                {"sync":{"status":"Unknown","revision":"5065cc1"},"health":{"status":"Healthy"},
                 "conditions":[{"type":"SyncWarning","message":"ignored"},{"type":"ComparisonError","message":"Failed to load target state: … cannot unmarshal number into Go struct field Image.images.newTag of type string"}]}
                """).RootElement,
        };

        var view = ArgoApplicationView.From(app);

        Assert.Equal("ComparisonError: Failed to load target state: … cannot unmarshal number into Go struct field Image.images.newTag of type string", view.Error);
        Assert.Null(ArgoApplicationView.From(new CustomObject { Status = JsonDocument.Parse("""{"sync":{"status":"Synced"}}""").RootElement }).Error);
    }

    [Theory]
    [InlineData("5065cc1", "Unknown", "ComparisonError: kustomize build failed", PipelineStageState.Failed)]
    [InlineData("4f1c2a9", "Unknown", "ComparisonError: kustomize build failed", PipelineStageState.Running)]
    [InlineData("5065cc1", "OutOfSync", null, PipelineStageState.Running)]
    public void SyncStage_NewRevisionThatDoesNotBuild_FailsWithArgoCdsError(string revision, string sync, string? error, PipelineStageState expected)
    {
        var cd = new PipelineStage(PipelineStageKind.Cd, PipelineStageState.Succeeded, Now, Now.AddSeconds(30), "5065cc1 set image tag 8176276.");
        var argo = new ArgoSyncView("argocd", "titanium-prod", sync, "Healthy", revision, "Succeeded", null, "titanium-prod", revision == "5065cc1", error);
        var request = new PipelineFollowRequest(new RepositoryTarget("DvwN-Lee", "Monitoring-v2", "main", "user-service/DEMO.txt"), "8176276abc", "데모", Now);

        var stage = PipelineStages.Sync(cd, argo, new StageMarks(), request);

        Assert.Equal(expected, stage.State);
        if (expected == PipelineStageState.Failed)
        {
            Assert.EndsWith(": ComparisonError: kustomize build failed", stage.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Options_ToString_NeverShowsTheToken()
    {
        var options = new GitHubOptions { Token = "github_pat_secret" };

        Assert.DoesNotContain("secret", options.ToString(), StringComparison.Ordinal);
        Assert.Equal(new Uri("https://api.github.com/"), options.ApiBase);
        Assert.Equal(new Uri("https://ghe.example/api/v3/"), new GitHubOptions { Url = "https://ghe.example/some/path" }.ApiBase);
    }
}
