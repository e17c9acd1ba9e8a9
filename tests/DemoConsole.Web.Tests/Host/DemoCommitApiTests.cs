using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DemoConsole.Core.Pipeline;
using DemoConsole.Tests.Shared;
using DemoConsole.Sandbox;
using DemoConsole.Tests.Shared.Web;
using DemoConsole.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DemoConsole.Web.Tests.Host;

/// <summary>
/// The default scenario's demo-commit on the embedded sandbox, through the API as a clicker would: the preview names
/// repository, branch, file and message; the run commits to the sandbox's GitHub twin and ends when the new pods are Ready.
/// </summary>
public sealed class DemoCommitApiTests : IDisposable
{
    // At a hundredth of real time the stages pass faster than the default 5 s poll; see the pipeline note in issue 10.
    private readonly ConsoleWebFactory _factory = new ConsoleWebFactory()
        .With("DemoConsole:Cluster:SandboxTimeScale", "0.01").With("DemoConsole:GitHub:PollInterval", "00:00:00.5");

    public void Dispose() => _factory.Dispose();

    private SandboxHost Sandbox => _factory.Services.GetRequiredService<EmbeddedSandbox>().Host!;

    [Fact]
    public async Task PreviewThenRun_DemoCommit_CommitsTheDeclaredFileAndFollowsItToReadyPods()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ConsoleWebFactory.PresenterKey);

        var preview = await (await client.PostAsync("/api/actions/demo-commit/preview", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(preview.GetProperty("canRun").GetBoolean(), preview.ToString());
        var summary = preview.GetProperty("summary").GetString();
        // The summary is in the console's language (Korean with the built-in scenario); the names are the same in every language.
        Assert.Contains("user-service/DEMO.txt", summary, StringComparison.Ordinal);
        Assert.Contains("DvwN-Lee/Monitoring-v2", summary, StringComparison.Ordinal);
        Assert.Contains("데모: CI/CD 파이프라인 테스트", summary, StringComparison.Ordinal);

        var started = await client.PostAsJsonAsync("/api/actions/demo-commit/run", new { previewId = preview.GetProperty("previewId").GetString() });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString();
        JsonElement run = default;
        try
        {
            await AsyncWait.UntilAsync(async () =>
            {
                run = await client.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}");
                return run.GetProperty("status").GetString() != "running";
            }, "the demo commit's pipeline to end", TimeSpan.FromMinutes(3));
        }
        catch (TimeoutException)
        {
            // Say where it stood (the stages' texts name the Argo CD phase) and what the sandbox recorded as going wrong.
            Assert.Fail($"The pipeline did not end within 3 minutes: {run}; sandbox faults: {string.Join(" | ", Sandbox.Faults)}");
        }

        Assert.True(run.GetProperty("status").GetString() == "succeeded", $"{run}; sandbox faults: {string.Join(" | ", Sandbox.Faults)}");
        Assert.Empty(Sandbox.Faults);
        var result = run.GetProperty("result");
        var sha = result.GetProperty("sha").GetString()!;
        var pipeline = result.GetProperty("pipeline");
        Assert.Equal((int)PipelineOutcome.Succeeded, pipeline.GetProperty("outcome").GetInt32());
        Assert.Equal(sha[..7], pipeline.GetProperty("newImageTag").GetString());
        Assert.Equal("prod-user-service-deployment", pipeline.GetProperty("rollout").GetProperty("deployment").GetString());
        Assert.EndsWith(":" + sha[..7], pipeline.GetProperty("rollout").GetProperty("image").GetString(), StringComparison.Ordinal);
    }
}
