using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Web;

namespace DemoConsole.Web.Tests.Host;

/// <summary>A scenario action run from the API against the embedded sandbox's gateway, end to end.</summary>
public sealed class ActionRunApiTests : IDisposable
{
    private readonly ConsoleWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task RunErrors405_FromTheApi_RecordsTenDeletesAnsweredWith405()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ConsoleWebFactory.PresenterKey);

        var started = await client.PostAsync("/api/actions/errors-405/run", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString();

        JsonElement run = default;
        await AsyncWait.UntilAsync(async () =>
        {
            run = await client.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}");
            return run.GetProperty("status").GetString() != "running";
        }, "the run to end", TimeSpan.FromSeconds(60));

        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal("remote", run.GetProperty("startedBy").GetString());
        Assert.Equal(5, run.GetProperty("part").GetInt32());
        Assert.Equal("DELETE", run.GetProperty("parameters").GetProperty("method").GetString());
        var result = run.GetProperty("result");
        Assert.Equal(10, result.GetProperty("statusCounts").GetProperty("405").GetInt64());
        Assert.Equal(10, result.GetProperty("requests").GetArrayLength());
        Assert.True(result.GetProperty("expectation").GetProperty("passed").GetBoolean());
    }

    [Fact]
    public async Task RunTwice_WhileRunning_SecondIsRefused()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ConsoleWebFactory.PresenterKey);

        var first = await client.PostAsync("/api/actions/errors-404/run", null);
        var second = await client.PostAsync("/api/actions/errors-404/run", null);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var runId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString();
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/api/runs/{runId}/stop", null)).StatusCode);
    }

    [Fact]
    public async Task Run_WithAParameterTheActionDoesNotTakeAtRunTime_IsRefused()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ConsoleWebFactory.PresenterKey);

        var response = await client.PostAsJsonAsync("/api/actions/errors-404/run", new { parameters = new Dictionary<string, string> { ["path"] = "/admin" } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        // API errors speak the request's language: Korean here, as nothing chose English.
        Assert.Contains("'path'은(는) 바꿀 수 없습니다", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Run_WithABodyThatIsNotJson_Is400()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ConsoleWebFactory.PresenterKey);

        var response = await client.PostAsync("/api/actions/errors-404/run", new StringContent("{ nope", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
