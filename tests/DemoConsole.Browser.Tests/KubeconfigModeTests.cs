using DemoConsole.Tests.Shared;
using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>
/// The Golden Signals of part 3 on the audience screen of a console in Kubeconfig mode reading a real Prometheus, against
/// the same view of a console in sandbox mode reading its twin, after the same traffic through each one's gateway: the
/// same tiles in the same order, each with a value in the same unit, and the same services in the traffic chart.
/// </summary>
public sealed class KubeconfigModeTests(KubeconfigModeFixture browser) : IClassFixture<KubeconfigModeFixture>
{
    private static readonly string[] Paths = ["/blog/", "/api/users", "/api/auth/verify", "/health"];

    [Fact]
    public async Task Part3GoldenSignals_KubeconfigModeWithRealPrometheus_SameTilesAndServicesAsSandboxMode()
    {
        await KubeconfigModeFixture.GoToPartAsync(browser.BaseAddress, 3);
        await KubeconfigModeFixture.GoToPartAsync(browser.SandboxConsole, 3);
        var kubeconfig = await BrowserFixture.AudiencePageAsync(browser.Browser, browser.BaseAddress);
        var sandbox = await BrowserFixture.AudiencePageAsync(browser.Browser, browser.SandboxConsole);

        await using (GatewayTraffic.Start(browser.ClusterGateway, Paths, TimeSpan.FromMilliseconds(100)))
        await using (GatewayTraffic.Start(browser.SandboxConsoleGateway, Paths, TimeSpan.FromMilliseconds(100)))
        {
            foreach (var page in new[] { kubeconfig, sandbox })
            {
                var panel = page.GetByTestId("panel-golden-signals");
                await Assertions.Expect(panel.GetByTestId("tile-latency-value")).ToContainTextAsync(" ms");
                await Assertions.Expect(panel.GetByTestId("tile-traffic-value")).ToContainTextAsync(" req/s");
                await Assertions.Expect(panel.GetByTestId("tile-errors-value")).ToContainTextAsync(" %");
                await Assertions.Expect(panel.GetByTestId("tile-saturation-value")).ToContainTextAsync(" %");
                await Assertions.Expect(panel.GetByTestId("chart-traffic").Locator(".mud-chart-legend-item")).ToHaveCountAsync(4);
            }

            Assert.Equal(["tile-latency ms", "tile-traffic req/s", "tile-errors %", "tile-saturation %"], await TilesAsync(kubeconfig));
            Assert.Equal(await TilesAsync(sandbox), await TilesAsync(kubeconfig));
            Assert.Equal(await ServicesAsync(sandbox), await ServicesAsync(kubeconfig));
            Assert.Equal(["prod-api-gateway", "prod-auth-service", "prod-blog-service", "prod-user-service"], await ServicesAsync(kubeconfig));
            await Assertions.Expect(kubeconfig.GetByTestId("panel-problem")).ToHaveCountAsync(0);
            await Screenshots.SaveAsync(kubeconfig, sandbox, "part3", "kubeconfig-audience", "sandbox-audience");
        }
    }

    /// <summary>Each tile's name and the unit of its value (the numbers differ: two worlds, two samplings).</summary>
    private static async Task<string[]> TilesAsync(IPage page)
    {
        var tiles = page.GetByTestId("panel-golden-signals").Locator("[data-testid^=tile-]:not([data-testid$=-value])");
        var result = new List<string>();
        foreach (var tile in await tiles.AllAsync())
        {
            var value = await tile.Locator("[data-testid$=-value]").InnerTextAsync();
            result.Add($"{await tile.GetAttributeAsync("data-testid")} {value[(value.IndexOf(' ', StringComparison.Ordinal) + 1)..]}");
        }

        return [.. result];
    }

    private static async Task<string[]> ServicesAsync(IPage page) =>
        [.. (await page.GetByTestId("panel-golden-signals").GetByTestId("chart-traffic").Locator(".mud-chart-legend-item").AllInnerTextsAsync())
            .Select(s => s.Trim()).Order(StringComparer.Ordinal)];
}
