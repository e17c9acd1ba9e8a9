using DemoConsole.Tests.Shared.Observability;
using DemoConsole.Tests.Shared.Web;
using DemoConsole.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>
/// The console on the embedded sandbox, reading a real Prometheus (Debian's) that scrapes the sandbox gateway's Istio
/// metrics every second. Prometheus's port is chosen first so the console can be configured with it before it starts.
/// </summary>
public sealed class RealPrometheusBrowserFixture : BrowserFixture, IAsyncLifetime
{
    private readonly int _prometheusPort = RealPrometheus.FreePort();
    private RealPrometheus? _prometheus;

    public Uri Gateway => Services.GetRequiredService<EmbeddedSandbox>().Host!.Gateway;

    protected override ConsoleWebFactory Configure(ConsoleWebFactory factory) =>
        factory.With("DemoConsole:Prometheus:Url", $"http://127.0.0.1:{_prometheusPort}/");

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        _prometheus = await RealPrometheus.StartAsync([Gateway.Authority], port: _prometheusPort);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_prometheus is not null)
        {
            await _prometheus.DisposeAsync();
        }

        await DisposeAsync();
    }
}

public sealed class GoldenSignalsTests(RealPrometheusBrowserFixture browser) : IClassFixture<RealPrometheusBrowserFixture>
{
    [Fact]
    public async Task MonitoringPart_GrafanaUnreachable_ShowsTheGoldenSignalTilesFromPrometheusToPresenterAndAudience()
    {
        var presenter = await browser.PresenterPageAsync("alice");
        var audience = await browser.AudiencePageAsync();
        await presenter.Keyboard.PressAsync("3");

        // Grafana is not running here: its panel shows the console's own Golden Signals in its place.
        var panel = presenter.GetByTestId("panel-golden-signals");
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-mode", "native");
        await Assertions.Expect(panel.GetByTestId("panel-fallback-reason")).ToContainTextAsync("연결할 수 없습니다");

        // A counter's first requests create its series: a rate needs a second batch after Prometheus has seen the first.
        using var http = new HttpClient();
        await SendAsync(http, "/blog/", 20);
        await Assertions.Expect(panel.GetByTestId("tile-traffic-value")).ToContainTextAsync("req/s");
        for (var round = 0; round < 3; round++)
        {
            await SendAsync(http, "/blog/", 20);
        }

        await Assertions.Expect(panel.GetByTestId("tile-latency-value")).ToContainTextAsync("ms");
        await Assertions.Expect(panel.GetByTestId("tile-errors-value")).ToContainTextAsync("%");

        var audiencePanel = audience.GetByTestId("panel-golden-signals");
        await Assertions.Expect(audiencePanel.GetByTestId("tile-traffic-value")).ToContainTextAsync("req/s");
        await Assertions.Expect(audience.GetByTestId("panel-problem")).ToHaveCountAsync(0);
        await Assertions.Expect(audiencePanel.GetByTestId("panel-fallback-reason")).ToHaveCountAsync(0);

        // The burst button's run is drawn on the charts' time axis.
        await presenter.GetByTestId("run-traffic-burst").ClickAsync();
        await Assertions.Expect(panel.GetByTestId("run-markers")).ToBeVisibleAsync();

        await Screenshots.SaveAsync(presenter, audience, "part3");
        if (Environment.GetEnvironmentVariable("SCREENSHOT_DIR") is { Length: > 0 } folder)
        {
            await presenter.GetByTestId("panel-kiali-graph").ScreenshotAsync(new() { Path = Path.Combine(folder, "part3-service-graph.png") });
        }
        await SendAsync(http, "/nonexistent-endpoint", 20);
        await presenter.Keyboard.PressAsync("5");
        await Assertions.Expect(presenter.GetByTestId("panel-golden-signals-errors").GetByTestId("tile-errors")).ToBeVisibleAsync();
        await Assertions.Expect(presenter.GetByTestId("panel-golden-signals-errors").GetByTestId("tile-errors")).ToContainTextAsync("404");
        await Screenshots.SaveAsync(presenter, audience, "part5");
    }

    private async Task SendAsync(HttpClient http, string path, int count)
    {
        // The background traffic may not be running; these requests make sure the tiles have something to show.
        for (var i = 0; i < count; i++)
        {
            using var response = await http.GetAsync(new Uri(browser.Gateway, path));
        }
    }
}
