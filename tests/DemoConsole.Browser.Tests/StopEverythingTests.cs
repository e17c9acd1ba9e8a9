using DemoConsole.Core.Actions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>The stop button in the presenter bar: it asks first, stops the running traffic, and shows what it did.</summary>
public sealed class StopEverythingTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task StopButton_ConfirmedDuringSteadyTraffic_StopsItAndShowsTheSummary()
    {
        var presenter = await browser.PresenterPageAsync("alice");
        await presenter.GotoAsync(new Uri(browser.BaseAddress, "/present/prep").ToString());
        await BrowserFixture.WaitForInteractiveAsync(presenter);
        await presenter.GetByTestId("run-background-traffic").ClickAsync();
        await Assertions.Expect(presenter.GetByTestId("run-background-traffic")).ToBeDisabledAsync();

        await presenter.GetByTestId("stop-everything").ClickAsync();
        await Assertions.Expect(presenter.GetByTestId("stop-preview")).ToContainTextAsync("배경 트래픽");
        await presenter.GetByTestId("stop-confirm").ClickAsync();

        var report = presenter.GetByTestId("stop-report");
        await Assertions.Expect(report.GetByTestId("stopped-background-traffic")).ToContainTextAsync("ms 만에 끝남");
        await Assertions.Expect(report).ToContainTextAsync("이미 멈춰 있던 것");
        var executor = browser.Services.GetRequiredService<ActionExecutor>();
        Assert.DoesNotContain(executor.Board.Runs, r => r.IsRunning);
        await presenter.GetByTestId("stop-close").ClickAsync();
        await Assertions.Expect(presenter.GetByTestId("run-background-traffic")).ToBeEnabledAsync();
    }

    [Fact]
    public async Task EscapeKey_OpensTheConfirmationAndCancelLeavesTheRunAlone()
    {
        // Any presenter page: the button and the key live in the layout. Bob does not navigate, so Alice may drive.
        var presenter = await browser.PresenterPageAsync("bob");

        await presenter.Keyboard.PressAsync("Escape");
        await Assertions.Expect(presenter.GetByTestId("stop-preview")).ToBeVisibleAsync();
        await presenter.GetByTestId("stop-cancel").ClickAsync();

        await Assertions.Expect(presenter.GetByTestId("stop-preview")).ToHaveCountAsync(0);
        Assert.DoesNotContain(browser.Services.GetRequiredService<ActionExecutor>().Board.Runs, r => r.StartedBy == "bob");
    }
}
