using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Api;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Store;
using DemoConsole.Sandbox.Tests.Support;
using DemoConsole.Tests.Shared;

namespace DemoConsole.Sandbox.Tests.Prometheus;

/// <summary>
/// The titanium-alerts HighErrorRate rule, evaluated by the twin on the sandbox's fast clock (for: 5m and the [5m]
/// windows become 3 s at time scale 0.01): 503s make it pending, then firing (also in Alertmanager's API), and it
/// resolves once the user service is ready again.
/// </summary>
public sealed class AlertLifecycleTests
{
    [Fact]
    public async Task HighErrorRate_503BurstThenRecovery_PendingFiringResolved()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var prometheus = new HttpClient { BaseAddress = sandbox.Prometheus };
        using var stop = new CancellationTokenSource();
        SetUserServiceReady(sandbox, false);
        var traffic = Task.Run(() => TrafficAsync(sandbox, stop.Token));

        var pending = await AlertAsync(prometheus, "pending");
        Assert.Equal("prod-api-gateway", (string?)pending["labels"]!["destination_service_name"]);
        Assert.Equal("critical", (string?)pending["labels"]!["severity"]);
        Assert.Equal("High error rate on prod-api-gateway", (string?)pending["annotations"]!["summary"]);
        Assert.Matches(@"^\d(\.\d+)?e[-+]\d\d$", (string?)pending["value"]);

        var firing = await AlertAsync(prometheus, "firing");
        Assert.Equal((string?)pending["activeAt"], (string?)firing["activeAt"]);
        JsonArray? active = null;
        await AsyncWait.UntilAsync(async () => (active = await AlertmanagerAsync(prometheus, "?filter=alertname%3D%22HighErrorRate%22")).Count == 1, "Alertmanager to list the firing alert");
        var alert = active![0]!;
        Assert.Equal("active", (string?)alert["status"]!["state"]);
        Assert.Equal("null", (string?)alert["receivers"]![0]!["name"]);
        Assert.Matches("^[0-9a-f]{16}$", (string?)alert["fingerprint"]);
        Assert.Empty(alert["status"]!["silencedBy"]!.AsArray());
        Assert.Empty(await AlertmanagerAsync(prometheus, "?filter=alertname%3D%22Other%22"));
        var rules = await PrometheusApiTests.GetAsync(prometheus, "api/v1/rules?rule_name[]=HighErrorRate");
        Assert.Equal("firing", (string?)rules["data"]!["groups"]![0]!["rules"]![0]!["state"]);

        SetUserServiceReady(sandbox, true);
        await AsyncWait.UntilAsync(async () => (await AlertsAsync(prometheus)).Count == 0, "the alert to resolve");
        Assert.Empty(await AlertmanagerAsync(prometheus, ""));
        rules = await PrometheusApiTests.GetAsync(prometheus, "api/v1/rules?rule_name[]=HighErrorRate");
        Assert.Equal("inactive", (string?)rules["data"]!["groups"]![0]!["rules"]![0]!["state"]);

        await stop.CancelAsync();
        await traffic;
        Assert.Empty(sandbox.Cluster.Faults);
    }

    private static async Task<JsonNode> AlertAsync(HttpClient prometheus, string state)
    {
        JsonNode? found = null;
        await AsyncWait.UntilAsync(async () => (found = (await AlertsAsync(prometheus)).FirstOrDefault(a => (string?)a!["state"] == state)) is not null, $"a {state} HighErrorRate alert");
        return found!;
    }

    private static async Task<JsonArray> AlertsAsync(HttpClient prometheus) =>
        (await PrometheusApiTests.GetAsync(prometheus, "api/v1/alerts"))["data"]!["alerts"]!.AsArray();

    private static async Task<JsonArray> AlertmanagerAsync(HttpClient prometheus, string query) =>
        (await PrometheusApiTests.GetAsync(prometheus, "api/v2/alerts" + query)).AsArray();

    private static void SetUserServiceReady(SandboxHost sandbox, bool ready)
    {
        foreach (var pod in sandbox.Cluster.Store.List(ResourceTypes.Pods, "titanium-prod").Items.Where(p => (string?)p.Metadata["labels"]?["app"] == "user-service"))
        {
            sandbox.Cluster.Store.Update(ResourceTypes.Pods, pod.Namespace, pod.Name, p =>
            {
                PodStatus.SetReady(p, ready, Rfc3339.Format(sandbox.Cluster.Now));
                return true;
            });
        }
    }

    private static async Task TrafficAsync(SandboxHost sandbox, CancellationToken stop)
    {
        using var gateway = TestSandbox.Gateway(sandbox);
        try
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                (await gateway.GetAsync(new Uri(i % 2 == 0 ? "/api/users" : "/blog/", UriKind.Relative), stop)).Dispose();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The test is over.
        }
    }
}
