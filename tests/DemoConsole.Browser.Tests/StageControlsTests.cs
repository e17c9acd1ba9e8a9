using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>The presenter's screen settings: the audience theme follows the button live, and compact fits a 1366×768 laptop.</summary>
public sealed class StageControlsTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ThemeButton_Pressed_EveryAudienceScreenSwitchesAtOnceAndARefreshKeepsIt()
    {
        var presenter = await browser.PresenterPageAsync("alice");
        var audience = await browser.AudiencePageAsync();
        var screen = audience.GetByTestId("audience");
        await Assertions.Expect(screen).ToHaveAttributeAsync("data-theme", "Projector");
        Assert.Equal("rgb(2, 6, 23)", await Background(audience));

        await presenter.GetByTestId("audience-theme").ClickAsync();

        await Assertions.Expect(screen).ToHaveAttributeAsync("data-theme", "Light");
        await Assertions.Expect(screen).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("theme-light"));
        Assert.Equal("rgb(255, 255, 255)", await Background(audience));

        await audience.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(audience);
        await Assertions.Expect(screen).ToHaveAttributeAsync("data-theme", "Light");
        await presenter.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(presenter);
        await Assertions.Expect(presenter.GetByTestId("audience-theme")).ToHaveAttributeAsync("data-theme", "Light");

        await presenter.GetByTestId("audience-theme").ClickAsync();
        await Assertions.Expect(screen).ToHaveAttributeAsync("data-theme", "Projector");
    }

    [Fact]
    public async Task PartPages_SmallLaptop_TeleprompterAndLivePanelsFitWithoutScrollingThePage()
    {
        var presenter = await browser.PresenterPageAsync("bob");
        await presenter.SetViewportSizeAsync(1366, 768);
        var density = presenter.GetByTestId("presenter-density");
        await Assertions.Expect(density).ToHaveAttributeAsync("data-density", "Auto");

        for (var part = 1; part <= 6; part++)
        {
            await presenter.Keyboard.PressAsync(part.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Assertions.Expect(presenter.GetByTestId("page-title")).ToContainTextAsync($"{part}부");
            await Assertions.Expect(presenter.GetByTestId("teleprompter")).ToBeVisibleAsync();
            var fit = await FitAsync(presenter);
            Assert.True(fit.PageHeight <= fit.WindowHeight + 1, $"part {part}: the page is {fit.PageHeight}px tall in a {fit.WindowHeight}px window");
            Assert.True(fit.TeleprompterBottom <= fit.WindowHeight + 1, $"part {part}: the teleprompter ends at {fit.TeleprompterBottom}px");
            Assert.True(fit.WorkBottom <= fit.WindowHeight + 1, $"part {part}: the live column ends at {fit.WorkBottom}px");
            Assert.True(fit.WorkTop < fit.WindowHeight / 3, $"part {part}: the live column starts at {fit.WorkTop}px");
            Assert.True(fit.Squeezed.Length == 0, $"part {part}: squeezed to less than their content: {string.Join(", ", fit.Squeezed)}");
            await Screenshots.SaveAsync(presenter, presenter, $"compact-part{part}", "presenter", "presenter-again");
        }

        // Regular keeps the long page (and says so on the button); the choice is the presenter's and survives a refresh.
        await density.ClickAsync();
        await Assertions.Expect(density).ToHaveAttributeAsync("data-density", "Compact");
        await density.ClickAsync();
        await Assertions.Expect(density).ToHaveAttributeAsync("data-density", "Regular");
        await presenter.SetViewportSizeAsync(1366, 768);
        Assert.True((await FitAsync(presenter)).PageHeight > 768, "regular density should let part 6 run below the window");
        await presenter.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(presenter);
        await Assertions.Expect(presenter.GetByTestId("presenter-density")).ToHaveAttributeAsync("data-density", "Regular");
        await presenter.GetByTestId("presenter-density").ClickAsync();
        await Assertions.Expect(presenter.GetByTestId("presenter-density")).ToHaveAttributeAsync("data-density", "Auto");
    }

    private static Task<string> Background(IPage audience) =>
        audience.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.audience-screen')).backgroundColor");

    private static Task<Fit> FitAsync(IPage page) => page.EvaluateAsync<Fit>("""
        () => ({
          pageHeight: document.documentElement.scrollHeight,
          windowHeight: window.innerHeight,
          teleprompterBottom: document.querySelector('[data-testid=teleprompter]').getBoundingClientRect().bottom,
          workTop: document.querySelector('.section-work').getBoundingClientRect().top,
          workBottom: document.querySelector('.section-work').getBoundingClientRect().bottom,
          squeezed: [...document.querySelectorAll('.section-work > *, .presenter-bar .page-tab')]
            .filter(e => e.scrollHeight > e.clientHeight + 1 && getComputedStyle(e).overflowY === 'visible' || e.getBoundingClientRect().height > 0 && e.scrollHeight > e.getBoundingClientRect().height + 1)
            .map(e => e.dataset.testid ?? e.className),
        })
        """);

    private sealed class Fit
    {
        public double PageHeight { get; set; }

        public double WindowHeight { get; set; }

        public double TeleprompterBottom { get; set; }

        public double WorkTop { get; set; }

        public double WorkBottom { get; set; }

        public string[] Squeezed { get; set; } = [];
    }
}
