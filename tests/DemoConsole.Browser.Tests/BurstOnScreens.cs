using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>What the audience sees of the default scenario's part 3 burst (100 requests at 20/s), shared by the tests that start it.</summary>
internal static class BurstOnScreens
{
    /// <summary>Clicks the burst on the presenter's page; the audience sees it running, then its final figures.</summary>
    public static async Task<ILocator> RunAndFollowAsync(IPage presenter, IPage audience)
    {
        await presenter.GetByTestId("run-traffic-burst").ClickAsync();

        // While it runs (about 5 s) the audience sees the figures moving…
        var live = audience.Locator("[data-testid=audience-run-traffic-burst] [data-testid=load-result][data-state=running]");
        await Assertions.Expect(live).ToBeVisibleAsync();
        await Assertions.Expect(presenter.GetByTestId("run-traffic-burst")).ToBeDisabledAsync();
        // …and the final result when it ends.
        var done = audience.Locator("[data-testid=audience-run-traffic-burst] [data-testid=load-result][data-state=completed]");
        await Assertions.Expect(done).ToBeVisibleAsync();
        await Assertions.Expect(done.GetByTestId("load-completed")).ToHaveTextAsync("100");
        return done;
    }
}
