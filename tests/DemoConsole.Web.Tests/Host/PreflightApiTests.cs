using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DemoConsole.Tests.Shared.Web;

namespace DemoConsole.Web.Tests.Host;

/// <summary>The runbook's "30 minutes before" checks against the embedded sandbox, through the API.</summary>
public sealed class PreflightApiTests : IDisposable
{
    private readonly ConsoleWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Preflight_OnAFreshSandbox_GatewayAndPodsPassLoadGeneratorAndPanelsFailWithTheirReasons()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ConsoleWebFactory.PresenterKey);

        var response = await client.PostAsync("/api/preflight", null);
        response.EnsureSuccessStatusCode();
        var results = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r);

        Assert.True(results["gateway"].GetProperty("passed").GetBoolean(), results["gateway"].GetProperty("detail").GetString());
        Assert.False(results["load-generator"].GetProperty("passed").GetBoolean());
        var panels = results.Where(r => r.Key.StartsWith("panel", StringComparison.Ordinal)).Select(r => r.Value).ToList();
        Assert.NotEmpty(panels);
        Assert.All(panels, p => Assert.False(p.GetProperty("passed").GetBoolean()));
        Assert.All(results.Values, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("detail").GetString())));
    }

    [Fact]
    public async Task Preflight_AsViewer_IsForbidden()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ConsoleWebFactory.ViewerToken);

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await client.PostAsync("/api/preflight", null)).StatusCode);
    }
}
