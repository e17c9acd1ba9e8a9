using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>A burst started on the presenter page shows live on the audience page (against the embedded sandbox's gateway).</summary>
public sealed class LiveBurstTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task BurstOnPresenterPage_AudienceSeesItLiveAndFinished()
    {
        var presenter = await browser.PresenterPageAsync("alice");
        var audience = await browser.AudiencePageAsync();
        await presenter.Keyboard.PressAsync("3");
        await Assertions.Expect(audience.GetByTestId("audience-title")).ToContainTextAsync("3부");

        var done = await BurstOnScreens.RunAndFollowAsync(presenter, audience);
        await Assertions.Expect(done.Locator("[data-status='200']")).ToHaveTextAsync("200 × 100");
    }
}
