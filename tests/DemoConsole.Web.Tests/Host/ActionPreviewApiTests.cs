using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DemoConsole.Core.Cluster;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Web;
using DemoConsole.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DemoConsole.Web.Tests.Host;

/// <summary>POST /api/actions/{id}/preview then /run with its previewId, against the embedded sandbox.</summary>
public sealed class ActionPreviewApiTests : IDisposable
{
    private readonly ConsoleWebFactory _factory = new ConsoleWebFactory().With("DemoConsole:Cluster:SandboxTimeScale", "0.05");

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task PreviewThenRun_PodKill_DeletesThePreviewedPodByItsUidAfterOneDryRun()
    {
        var client = Presenter();
        var preview = await (await client.PostAsync("/api/actions/kill-blog-pod/preview", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(preview.GetProperty("canRun").GetBoolean(), preview.ToString());
        var target = preview.GetProperty("target").GetString()!;
        var pod = target.Split(' ')[1];
        var uid = target.Split("uid ")[1].Split(')')[0];

        var started = await client.PostAsJsonAsync("/api/actions/kill-blog-pod/run", new { previewId = preview.GetProperty("previewId").GetString() });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString();
        var run = await EndOfRunAsync(client, runId);

        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal(pod, run.GetProperty("result").GetProperty("killedPod").GetString());
        var deletes = _factory.Services.GetRequiredService<EmbeddedSandbox>().Host!.Journal.Requests
            .Where(r => r.Method == "DELETE" && r.Path.Contains("/pods/", StringComparison.Ordinal)).ToList();
        Assert.Single(deletes, r => r.Query.Contains("dryRun=All", StringComparison.Ordinal));
        var delete = Assert.Single(deletes, r => !r.Query.Contains("dryRun", StringComparison.Ordinal));
        Assert.EndsWith("/pods/" + pod, delete.Path);
        Assert.Contains(uid, delete.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithAnUnknownPreviewId_Is409AndDeletesNothing()
    {
        var client = Presenter();

        var response = await client.PostAsJsonAsync("/api/actions/kill-blog-pod/run", new { previewId = "made-up" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("다시 미리보기를 하세요", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.DoesNotContain(_factory.Services.GetRequiredService<EmbeddedSandbox>().Host!.Journal.Requests, r => r.Method == "DELETE");
    }

    [Fact]
    public async Task Run_PickedPodOfAStatefulSetWhoseNameSaysNothingOfDatabases_IsRefusedAndNothingIsDeleted()
    {
        var client = Presenter();
        await GuardRailWorld.CreateQueueStatefulSetAsync(_factory.Services.GetRequiredService<IClusterConnection>().Client);
        var picked = new { parameters = new Dictionary<string, string> { ["pod"] = "prod-queue-0" } };

        var preview = await (await client.PostAsJsonAsync("/api/actions/kill-blog-pod/preview", picked)).Content.ReadFromJsonAsync<JsonElement>();
        var started = await client.PostAsJsonAsync("/api/actions/kill-blog-pod/run", picked);
        var run = await EndOfRunAsync(client, (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString());

        Assert.False(preview.GetProperty("canRun").GetBoolean());
        // The API answers in the console's language (the scenario's Korean), the workload's name as it is.
        Assert.Contains("StatefulSet 'prod-queue'은(는) 보호 대상입니다: StatefulSet은 상태를 가집니다", preview.GetProperty("reason").GetString());
        Assert.Equal("refused", run.GetProperty("status").GetString());
        Assert.Contains("StatefulSet 'prod-queue'은(는) 보호 대상입니다", run.GetProperty("message").GetString());
        Assert.DoesNotContain(_factory.Services.GetRequiredService<EmbeddedSandbox>().Host!.Journal.Requests, r => r.Method == "DELETE");
    }

    [Fact]
    public async Task Preview_WithTheViewerToken_Is403()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ConsoleWebFactory.ViewerToken);

        var response = await client.PostAsync("/api/actions/kill-blog-pod/preview", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private HttpClient Presenter()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ConsoleWebFactory.PresenterKey);
        return client;
    }

    private static async Task<JsonElement> EndOfRunAsync(HttpClient client, string? runId)
    {
        JsonElement run = default;
        await AsyncWait.UntilAsync(async () =>
        {
            run = await client.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}");
            return run.GetProperty("status").GetString() != "running";
        }, "the run to end", TimeSpan.FromSeconds(60));
        return run;
    }
}
