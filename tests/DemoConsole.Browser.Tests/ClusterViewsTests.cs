using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>The default scenario's live cluster views, read from the embedded sandbox through the real KubernetesClient.</summary>
public sealed class ClusterViewsTests(FastSandboxFixture browser) : IClassFixture<FastSandboxFixture>
{

    [Fact]
    public async Task SecurityAndAvailabilityParts_ShowMtlsSidecarsAndReplicas()
    {
        var presenter = await browser.PresenterPageAsync("alice");

        await presenter.Keyboard.PressAsync("4");
        await Assertions.Expect(presenter.GetByTestId("view-mesh-security").GetByTestId("mtls-modes")).ToContainTextAsync("titanium-prod: STRICT");
        await Assertions.Expect(presenter.GetByTestId("view-mesh-security").GetByTestId("sidecar-check").Locator("[data-testid=status-mark][data-passed=true]")).ToBeVisibleAsync();
        await Assertions.Expect(presenter.GetByTestId("view-network-policies").GetByTestId("netpol-table")).ToBeVisibleAsync();

        await presenter.Keyboard.PressAsync("6");
        await Assertions.Expect(presenter.GetByTestId("view-ha-workloads").GetByTestId("replica-check").Locator("[data-testid=status-mark][data-passed=true]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ErrorsPart_405Burst_AppearsInTheGatewayLogTail()
    {
        var presenter = await browser.PresenterPageAsync("alice");
        await presenter.Keyboard.PressAsync("5");
        await Assertions.Expect(presenter.GetByTestId("view-alert-rules")).ToContainTextAsync("HighErrorRate");

        await presenter.GetByTestId("run-errors-405").ClickAsync();

        await Assertions.Expect(presenter.GetByTestId("view-gateway-errors-log").GetByTestId("log-lines")).ToContainTextAsync("405");
    }

    [Fact]
    public async Task RollbackExtraItem_AfterConfirmation_HistoryShowsTheNewRevision()
    {
        var presenter = await browser.PresenterPageAsync("alice");
        await presenter.GotoAsync("/present/reference");
        await BrowserFixture.WaitForInteractiveAsync(presenter);
        var history = presenter.GetByTestId("view-gateway-rollout-history");
        await Assertions.Expect(history.Locator("tr.current-revision")).ToHaveCountAsync(1);
        var before = await history.Locator("tr.current-revision").GetAttributeAsync("data-revision");

        await presenter.GetByTestId("run-gateway-rollout-undo").ClickAsync();
        await presenter.GetByTestId("confirm-run-gateway-rollout-undo").ClickAsync();

        await Assertions.Expect(presenter.Locator("[data-testid=action-gateway-rollout-undo] [data-testid=run-result]"))
            .ToHaveAttributeAsync("data-status", "succeeded");
        var after = history.Locator("tr.current-revision");
        await Assertions.Expect(after).Not.ToHaveAttributeAsync("data-revision", before!);
    }

    [Fact]
    public async Task FaultRehearsalExtraItem_CrashLoopThenClear_PodsShowItAndTheClearTimesTheHealing()
    {
        var presenter = await browser.PresenterPageAsync("alice");
        await presenter.GotoAsync("/present/reference");
        await BrowserFixture.WaitForInteractiveAsync(presenter);
        var blogRows = presenter.GetByTestId("view-extra-blog-pods").Locator("tr[data-pod^=prod-blog-service-deployment-]");
        await Assertions.Expect(blogRows).ToHaveCountAsync(2);

        await presenter.GetByTestId("run-blog-crash-loop").ClickAsync();
        await Assertions.Expect(presenter.GetByTestId("confirm-text-blog-crash-loop")).ToContainTextAsync("prod-blog-service-deployment");
        await presenter.GetByTestId("confirm-run-blog-crash-loop").ClickAsync();
        await Assertions.Expect(blogRows.Locator("td[data-status=CrashLoopBackOff]").First).ToBeVisibleAsync();

        await presenter.GetByTestId("run-blog-heal").ClickAsync();
        await presenter.GetByTestId("confirm-run-blog-heal").ClickAsync();

        var healing = presenter.Locator("[data-testid=action-blog-heal] [data-testid=fault-healing]");
        await Assertions.Expect(healing).ToHaveAttributeAsync("data-done", "true");
        await Assertions.Expect(healing).ToContainTextAsync("2/2 Ready, 해제 후 다시");
        await Assertions.Expect(presenter.GetByTestId("view-extra-blog-pods").Locator("tr.not-ready")).ToHaveCountAsync(0);
        if (Environment.GetEnvironmentVariable("SCREENSHOT_DIR") is { Length: > 0 } folder)
        {
            await presenter.SetViewportSizeAsync(1366, 768);
            await presenter.GetByTestId("action-blog-heal").ScrollIntoViewIfNeededAsync();
            await presenter.ScreenshotAsync(new() { Path = Path.Combine(folder, "extra-fault-healed-presenter-1366x768.png") });
        }
    }
}
