using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>The report page after a burst: the run with its figures and latency over time, the time chart, and the links to the files.</summary>
public sealed class ReportPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ReportPage_AfterABurst_ShowsItsFiguresTheTimeChartAndTheDownloads()
    {
        var presenter = await browser.PresenterPageAsync("alice");
        await presenter.Keyboard.PressAsync("3");
        await presenter.GetByTestId("run-traffic-burst").ClickAsync();
        await Assertions.Expect(presenter.Locator("[data-testid=load-result][data-state=completed]")).ToBeVisibleAsync();

        await presenter.GetByTestId("tab-report").ClickAsync();

        var runs = presenter.GetByTestId("report-runs");
        await Assertions.Expect(runs).ToContainTextAsync("요청 100개 (100 × 200)");
        await Assertions.Expect(runs).ToContainTextAsync("응답의 95% 이상이 200: 100% 통과");
        await Assertions.Expect(presenter.Locator("[data-testid=report-time-chart] svg, .mud-chart svg").First).ToBeVisibleAsync();
        // The burst lasted five seconds: its latency per second is drawn under its figures.
        await Assertions.Expect(runs.GetByTestId("latency-over-time").Locator("polyline.p99")).ToBeVisibleAsync();
        await Assertions.Expect(presenter.GetByTestId("report-part-3")).ToContainTextAsync("5:00");
        await Assertions.Expect(presenter.GetByTestId("report-markdown")).ToHaveAttributeAsync("href", "/present/report/markdown");
        await Assertions.Expect(presenter.GetByTestId("report-html")).ToHaveAttributeAsync("href", "/present/report/html");
        await Screenshots.SaveAsync(presenter, await browser.AudiencePageAsync(), "report");
    }
}
