using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DemoConsole.Core.Load;
using DemoConsole.Tests.Shared.Web;
using DemoConsole.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DemoConsole.Web.Tests.Host;

/// <summary>Each load cap refuses a scenario action over it at the API, before a single request reaches the gateway.</summary>
public sealed class LoadCapApiTests
{
    [Theory]
    [InlineData("DemoConsole:Load:MaxRequests", "10", "errors-404", "10")]
    [InlineData("DemoConsole:Load:MaxRate", "1", "errors-405", "1")]
    [InlineData("DemoConsole:Load:MaxDurationSeconds", "5", "errors-404", "5")]
    public async Task Run_ActionOverACap_Is409NamingTheCapAndTheGatewaySeesNothing(string setting, string value, string action, string figure)
    {
        using var factory = new ConsoleWebFactory().With(setting, value);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ConsoleWebFactory.PresenterKey);
        using var gateway = new HttpClient { BaseAddress = factory.Services.GetRequiredService<EmbeddedSandbox>().Host!.Gateway };
        var before = await GatewayRequestsAsync(gateway);

        var response = await client.PostAsync($"/api/actions/{action}/run", null);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        // In the console's language (the built-in Korean scenario's), the figure as configured.
        Assert.Contains("부하 상한", error, StringComparison.Ordinal);
        Assert.Contains(figure, error, StringComparison.Ordinal);
        Assert.Equal(before, await GatewayRequestsAsync(gateway));
    }

    [Fact]
    public void ConsoleEngine_TargetOtherThanTheGateway_IsRefusedAndNothingIsSent()
    {
        // The command line accepts any typed URL; the console's engine (behind its pages and API) keeps the gateway rule.
        using var factory = new ConsoleWebFactory();
        var engine = factory.Services.GetRequiredService<ILoadEngine>();
        var plan = LoadPlan.Burst(new Uri("http://10.0.11.168:31304/"), "/blog/", rate: 10, count: 1);

        var start = engine.Start(plan);

        Assert.False(start.Started);
        Assert.Contains("target http://10.0.11.168:31304 is not an allowed target", start.Message, StringComparison.Ordinal);
        Assert.False(engine.Caps.IsAllowed(new Uri("http://10.0.11.168:31304/")));
        Assert.True(engine.Caps.IsAllowed(factory.Services.GetRequiredService<EmbeddedSandbox>().Host!.Gateway));
    }

    /// <summary>The gateway's own counters of answers other than 200 (the load generator's 200s go on regardless).</summary>
    private static async Task<Dictionary<string, string>> GatewayRequestsAsync(HttpClient gateway) =>
        (await gateway.GetStringAsync("/metrics")).Split('\n')
            .Where(l => l.StartsWith("istio_requests_total{", StringComparison.Ordinal) && !l.Contains("response_code=\"200\"", StringComparison.Ordinal))
            .Select(l => l.Split("} "))
            .ToDictionary(p => p[0], p => p[1]);
}
