using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>The default scenario's live cluster views, read from the embedded sandbox through the real KubernetesClient.</summary>
public sealed class ClusterViewsTests(FastSandboxFixture browser) : IClassFixture<FastSandboxFixture>
{
    private static readonly LocatorAssertionsToContainTextOptions Wait = new() { Timeout = 30_000 };

    [Fact]
    public async Task SecurityAndAvailabilityParts_ShowMtlsSidecarsAndReplicas()
    {
        var presenter = await browser.PresenterPageAsync("alice");

        await presenter.Keyboard.PressAsync("4");
        await Assertions.Expect(presenter.GetByTestId("view-mesh-security").GetByTestId("mtls-modes")).ToContainTextAsync("titanium-prod: STRICT", Wait);
        await Assertions.Expect(presenter.GetByTestId("view-mesh-security").GetByTestId("sidecar-check")).ToContainTextAsync("✓ every mesh pod", Wait);
        await Assertions.Expect(presenter.GetByTestId("view-network-policies").GetByTestId("netpol-table")).ToBeVisibleAsync();

        await presenter.Keyboard.PressAsync("6");
        await Assertions.Expect(presenter.GetByTestId("view-ha-workloads").GetByTestId("replica-check")).ToContainTextAsync("✓", Wait);
    }

    [Fact]
    public async Task ErrorsPart_405Burst_AppearsInTheGatewayLogTail()
    {
        var presenter = await browser.PresenterPageAsync("alice");
        await presenter.Keyboard.PressAsync("5");
        await Assertions.Expect(presenter.GetByTestId("view-alert-rules")).ToContainTextAsync("HighErrorRate", Wait);

        await presenter.GetByTestId("run-errors-405").ClickAsync();

        await Assertions.Expect(presenter.GetByTestId("view-gateway-errors-log").GetByTestId("log-lines")).ToContainTextAsync("405", Wait);
    }
}
