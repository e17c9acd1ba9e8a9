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

        await presenter.GetByTestId("run-traffic-burst").ClickAsync();

        // While it runs (100 requests at 20/s take about 5 s) the audience sees the figures moving…
        var live = audience.Locator("[data-testid=audience-run-traffic-burst] [data-testid=load-result][data-state=running]");
        await Assertions.Expect(live).ToBeVisibleAsync();
        await Assertions.Expect(presenter.GetByTestId("run-traffic-burst")).ToBeDisabledAsync();
        // …and the final result when it ends.
        var done = audience.Locator("[data-testid=audience-run-traffic-burst] [data-testid=load-result][data-state=completed]");
        await Assertions.Expect(done).ToBeVisibleAsync();
        await Assertions.Expect(done.GetByTestId("load-completed")).ToHaveTextAsync("100");
        await Assertions.Expect(done.Locator("[data-status='200']")).ToHaveTextAsync("200 × 100");
    }
}
