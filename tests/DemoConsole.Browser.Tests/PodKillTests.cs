using DemoConsole.Tests.Shared.Web;
using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>The sandbox's clock runs ten times faster here, so a replacement pod is Ready in about a second.</summary>
public sealed class FastSandboxFixture : BrowserFixture
{
    protected override ConsoleWebFactory Configure(ConsoleWebFactory factory) =>
        factory.With("DemoConsole:Cluster:SandboxTimeScale", "0.1");
}

public sealed class PodKillTests(FastSandboxFixture browser) : IClassFixture<FastSandboxFixture>
{
    [Fact]
    public async Task KillOnPresenterPage_AfterConfirmation_AudienceSeesTimelineAndRecoveryTime()
    {
        var presenter = await browser.PresenterPageAsync("alice");
        var audience = await browser.AudiencePageAsync();
        await presenter.Keyboard.PressAsync("6");
        await Assertions.Expect(audience.GetByTestId("audience-title")).ToContainTextAsync("6부");

        await presenter.GetByTestId("run-kill-blog-pod").ClickAsync();

        // The confirmation names the pod the server's dry run accepted; nothing is deleted before Confirm.
        var confirm = presenter.GetByTestId("confirm-kill-blog-pod");
        await Assertions.Expect(confirm).ToContainTextAsync("prod-blog-service-deployment");
        await presenter.GetByTestId("confirm-run-kill-blog-pod").ClickAsync();

        var recovery = audience.Locator("[data-testid=audience-run-kill-blog-pod] [data-testid=recovery]");
        await Assertions.Expect(recovery).ToBeVisibleAsync();
        await Assertions.Expect(recovery).ToHaveAttributeAsync("data-state", "recovered");
        await Assertions.Expect(recovery.GetByTestId("recovery-seconds")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+\.\ds$"));
        await Assertions.Expect(recovery.Locator("li.done")).ToHaveCountAsync(6);
        await Assertions.Expect(recovery.GetByTestId("recovery-availability")).ToContainTextAsync("0 failed");
    }
}
