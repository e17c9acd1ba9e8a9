using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

public sealed class PresenterAudienceTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{

    [Fact]
    public async Task PresenterMovesToPart3_AudienceFollowsWithoutReload()
    {
        var presenter = await browser.PresenterPageAsync("alice");
        var audience = await browser.AudiencePageAsync();
        // A value on the window survives only if the page is never reloaded.
        await audience.EvaluateAsync("() => window.__notReloaded = true");

        await presenter.Keyboard.PressAsync("3");

        await Assertions.Expect(presenter.GetByTestId("page-title")).ToContainTextAsync("3부");
        await Assertions.Expect(audience.GetByTestId("audience-title")).ToContainTextAsync("3부");
        Assert.True(await audience.EvaluateAsync<bool>("() => window.__notReloaded === true"));
        Assert.Equal(0, await audience.GetByTestId("teleprompter").CountAsync());

        await presenter.Keyboard.PressAsync("PageDown");
        await Assertions.Expect(audience.GetByTestId("audience-title")).ToContainTextAsync("4부");
    }

    [Fact]
    public async Task Refresh_KeepsPartTimersAndChecklist()
    {
        var presenter = await browser.PresenterPageAsync("alice");
        await presenter.GotoAsync("/present/5");
        await BrowserFixture.WaitForInteractiveAsync(presenter);
        await Assertions.Expect(presenter.GetByTestId("page-title")).ToContainTextAsync("5부");
        await presenter.GotoAsync("/present/checklists");
        await BrowserFixture.WaitForInteractiveAsync(presenter);
        var firstItem = presenter.Locator("[data-testid^=check-] input").First;
        await firstItem.CheckAsync();

        await presenter.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(presenter);

        await Assertions.Expect(presenter.GetByTestId("page-title")).ToContainTextAsync("체크리스트");
        await Assertions.Expect(presenter.Locator("[data-testid^=check-] input").First).ToBeCheckedAsync();
        await Assertions.Expect(presenter.GetByTestId("timers")).ToContainTextAsync("전체");
    }
}
