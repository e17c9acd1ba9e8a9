using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DemoConsole.Tests.Shared.Web;

namespace DemoConsole.Web.Tests.Replicas;

/// <summary>A console process's HTTP API as the replica tests use it, as the presenter (bearer key).</summary>
internal static class ReplicaApi
{
    public static HttpClient Api(ConsoleProcess console)
    {
        var api = new HttpClient { BaseAddress = console.Address, Timeout = TimeSpan.FromSeconds(20) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ConsoleProcess.PresenterKey);
        return api;
    }

    public static async Task<JsonElement> GetAsync(ConsoleProcess console, string path)
    {
        using var api = Api(console);
        return await api.GetFromJsonAsync<JsonElement>(path);
    }

    public static Task<JsonElement> ReplicaAsync(ConsoleProcess console) => GetAsync(console, "/api/replica");

    public static async Task<int> PartAsync(ConsoleProcess console) => (await GetAsync(console, "/api/session")).GetProperty("currentPart").GetInt32();

    public static async Task<JsonElement> RunOnAsync(ConsoleProcess console, string runId) => await GetAsync(console, $"/api/runs/{runId}");

    public static async Task MoveAsync(ConsoleProcess console, int part)
    {
        using var api = Api(console);
        using var response = await api.PostAsync($"/api/session/part/{part}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static async Task<string> RunAsync(ConsoleProcess console, string actionId)
    {
        using var api = Api(console);
        using var response = await api.PostAsync($"/api/actions/{actionId}/run", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{actionId} did not start: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("runId").GetString()!;
    }
}
