using DemoConsole.Tests.Shared;
using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>
/// Part 5's alerts against the real Prometheus and Alertmanager: an outage of the user service (scaled to zero with kubectl,
/// as an operator would) while requests keep coming makes the gateway answer 503; the titanium-alerts HighErrorRate rule goes
/// pending, then firing — in the alerts view, in Alertmanager, as a banner for the presenter and large on the audience
/// screen — and resolves once the service is scaled back and serving.
/// </summary>
public sealed class AlertLifecycleTests(RealAlertingBrowserFixture browser) : IClassFixture<RealAlertingBrowserFixture>
{
    private const string Deployment = "prod-user-service-deployment";

    [Fact]
    public async Task UserServiceOutage_RealPrometheusAndAlertmanager_HighErrorRatePendingFiringOnBothScreensThenResolved()
    {
        var presenter = await browser.PresenterPageAsync("alice");
        var audience = await browser.AudiencePageAsync();
        await presenter.Keyboard.PressAsync("5");
        var rule = presenter.GetByTestId("alerts-view").Locator("tr[data-alert=HighErrorRate]");
        await Assertions.Expect(rule).ToHaveAttributeAsync("data-state", "inactive");
        await Assertions.Expect(rule).ToContainTextAsync("> 0.05");
        await Assertions.Expect(rule).ToContainTextAsync("30s");

        await using var traffic = GatewayTraffic.Start(browser.Gateway, ["/api/users", "/blog/"], TimeSpan.FromMilliseconds(50));
        await AsyncWait.UntilAsync(() => traffic.Count(200) > 40, "the user and blog services to answer");
        await ScaleUserServiceAsync(0);
        await AsyncWait.UntilAsync(() => traffic.Count(503) > 0, "the gateway to answer 503 for the user service");

        await Assertions.Expect(rule).ToHaveAttributeAsync("data-state", "pending");
        await Assertions.Expect(rule).ToHaveAttributeAsync("data-state", "firing");
        await Assertions.Expect(presenter.GetByTestId("firing-alerts")).ToContainTextAsync("HighErrorRate");
        // The gateway's sidecar reports the 503s it answered itself (no healthy upstream) on its own service: the user
        // service's side has no destination workload to name, as in Istio.
        var large = audience.GetByTestId("firing-alerts");
        await Assertions.Expect(large).ToHaveClassAsync("firing-alerts large");
        await Assertions.Expect(large).ToContainTextAsync("High error rate on prod-api-gateway");
        await Assertions.Expect(presenter.GetByTestId("am-alert").First).ToContainTextAsync("HighErrorRate (active");
        await Screenshots.SaveAsync(presenter, audience, "part5-alert-firing");

        await ScaleUserServiceAsync(2);
        var served = traffic.Count(200);
        await AsyncWait.UntilAsync(() => traffic.Count(200) > served + 20, "the user service to serve again");
        await Assertions.Expect(rule).ToHaveAttributeAsync("data-state", "inactive");
        await Assertions.Expect(presenter.GetByTestId("firing-alerts")).ToHaveCountAsync(0);
        await Assertions.Expect(audience.GetByTestId("firing-alerts")).ToHaveCountAsync(0);
        await Assertions.Expect(presenter.GetByTestId("alertmanager")).ToContainTextAsync("활성 알림 없음");
    }

    private Task<string> ScaleUserServiceAsync(int replicas) =>
        KubectlCommand.RunAsync(browser.Kubeconfig, "scale", "deployment", Deployment, "-n", "titanium-prod", $"--replicas={replicas}");
}
