using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>The teleprompter's scrolling and reading-line highlight run in the browser, so they are checked in one.</summary>
public sealed class TeleprompterTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Play_ScrollsTheScriptAndHighlightsTheParagraphAtTheReadingLine()
    {
        var presenter = await browser.PresenterPageAsync("alice");
        await presenter.SetViewportSizeAsync(1200, 600);
        await presenter.Keyboard.PressAsync("3");
        var text = presenter.GetByTestId("prompter-text");
        await Assertions.Expect(text).ToContainTextAsync("Grafana");
        await Assertions.Expect(text.Locator(".current")).ToHaveCountAsync(1);

        await presenter.GetByTestId("prompter-play").ClickAsync();

        await presenter.WaitForFunctionAsync("() => document.querySelector('[data-testid=prompter-text]').scrollTop > 40");
        await presenter.GetByTestId("prompter-play").ClickAsync();
        var stoppedAt = await text.EvaluateAsync<double>("e => e.scrollTop");
        await Assertions.Expect(text.Locator(".current")).ToHaveCountAsync(1);
        Assert.Equal(stoppedAt, await text.EvaluateAsync<double>("e => new Promise(r => setTimeout(() => r(e.scrollTop), 300))"));
    }

    [Fact]
    public async Task Mirror_FlipsTheTextAndIsRememberedAfterAReload()
    {
        var presenter = await browser.PresenterPageAsync("alice");
        await presenter.GotoAsync("/present/1");
        await BrowserFixture.WaitForInteractiveAsync(presenter);

        await presenter.GetByTestId("prompter-mirror").CheckAsync();
        await Assertions.Expect(presenter.GetByTestId("prompter-text")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mirrored"));
        await presenter.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(presenter);

        await Assertions.Expect(presenter.GetByTestId("prompter-text")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mirrored"));
    }
}
