using System.Text;
using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Api;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Store;
using DemoConsole.Sandbox.Tests.Support;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Observability;

namespace DemoConsole.Sandbox.Tests.Prometheus;

/// <summary>
/// The twin's Alertmanager API v2 held against Debian's Alertmanager 0.25: the twin's firing HighErrorRate alert is
/// posted to the real one as Prometheus would send it, and both GET /api/v2/alerts answers must agree on the fields,
/// labels, annotations, times, receivers and the label fingerprint. (mutedBy exists from Alertmanager 0.28 on; the
/// twin follows the newer shape, so it is the one field the 0.25 answer lacks.)
/// </summary>
public sealed class AlertmanagerDifferentialTests
{
    [Fact]
    public async Task FiringAlert_SameAlertInBoth_SameAlertmanagerAnswer()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var real = await RealAlertmanager.StartAsync();
        using var twin = new HttpClient { BaseAddress = sandbox.Alertmanager };
        using var stop = new CancellationTokenSource();
        foreach (var pod in sandbox.Cluster.Store.List(ResourceTypes.Pods, "titanium-prod").Items.Where(p => (string?)p.Metadata["labels"]?["app"] == "user-service"))
        {
            sandbox.Cluster.Store.Update(ResourceTypes.Pods, pod.Namespace, pod.Name, p =>
            {
                PodStatus.SetReady(p, false, Rfc3339.Format(sandbox.Cluster.Now));
                return true;
            });
        }

        var traffic = Task.Run(async () =>
        {
            using var gateway = TestSandbox.Gateway(sandbox);
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    (await gateway.GetAsync(new Uri("/api/users", UriKind.Relative), stop.Token)).Dispose();
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The alert fired; traffic is no longer needed.
            }
        });
        JsonArray? twinAlerts = null;
        await AsyncWait.UntilAsync(async () => (twinAlerts = JsonNode.Parse(await twin.GetStringAsync(new Uri("api/v2/alerts", UriKind.Relative)))!.AsArray()).Count > 0, "the twin's alert to fire");
        await stop.CancelAsync();
        await traffic;
        var alert = twinAlerts![0]!;

        // What Prometheus posts: labels, annotations, startsAt, endsAt, generatorURL.
        var posted = new JsonArray(new JsonObject
        {
            ["labels"] = alert["labels"]!.DeepClone(),
            ["annotations"] = alert["annotations"]!.DeepClone(),
            ["startsAt"] = alert["startsAt"]!.DeepClone(),
            ["endsAt"] = alert["endsAt"]!.DeepClone(),
            ["generatorURL"] = alert["generatorURL"]!.DeepClone(),
        });
        using var post = await real.Http.PostAsync(new Uri(real.Address, "api/v2/alerts"), new StringContent(posted.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(post.IsSuccessStatusCode, await post.Content.ReadAsStringAsync());
        JsonArray? realAlerts = null;
        await AsyncWait.UntilAsync(async () => (realAlerts = JsonNode.Parse(await real.Http.GetStringAsync(new Uri(real.Address, "api/v2/alerts")))!.AsArray()).Count > 0, "the real Alertmanager to list the alert");
        var expected = realAlerts![0]!;

        Assert.Equal(Keys(expected), Keys(alert));
        Assert.Equal(Keys(expected["status"]!), Keys(alert["status"]!).Replace("mutedBy,", "", StringComparison.Ordinal));
        foreach (var field in new[] { "labels", "annotations", "fingerprint", "receivers", "generatorURL", "endsAt" })
        {
            Assert.Equal(expected[field]!.ToJsonString(), alert[field]!.ToJsonString());
        }

        Assert.Equal((string?)expected["startsAt"], (string?)alert["startsAt"]);
        Assert.Equal((string?)expected["status"]!["state"], (string?)alert["status"]!["state"]);
    }

    private static string Keys(JsonNode node) => string.Join(",", node.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
}
