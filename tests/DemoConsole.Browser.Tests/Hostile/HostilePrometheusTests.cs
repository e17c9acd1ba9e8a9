using DemoConsole.Tests.Shared.Observability;
using DemoConsole.Tests.Shared.Web;
using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests.Hostile;

/// <summary>The hostile scenario with the console reading a real Prometheus (Debian's) that scrapes <see cref="HostileExporter"/>.</summary>
public sealed class HostilePrometheusFixture : BrowserFixture, IAsyncLifetime
{
    private readonly int _prometheusPort = RealPrometheus.FreePort();
    private HostileExporter? _exporter;
    private RealPrometheus? _prometheus;

    protected override ConsoleWebFactory Configure(ConsoleWebFactory factory) =>
        factory.With("DemoConsole:ScenarioPath", HostileScenarioFixture.ScenarioPath)
            .With("DemoConsole:Prometheus:Url", $"http://127.0.0.1:{_prometheusPort}/");

    async Task IAsyncLifetime.InitializeAsync()
    {
        _exporter = await HostileExporter.StartAsync();
        _prometheus = await RealPrometheus.StartAsync([_exporter.Authority], port: _prometheusPort);
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_prometheus is not null)
        {
            await _prometheus.DisposeAsync();
        }

        if (_exporter is not null)
        {
            await _exporter.DisposeAsync();
        }
    }
}

/// <summary>
/// Label values from Prometheus are any text: workload, service and pod names with a payload, right-to-left and
/// zero-width characters and 10,000 characters reach the Golden Signals and the service graph on both screens, shown as
/// text, running nothing, and not widening the page.
/// </summary>
public sealed class HostilePrometheusTests(HostilePrometheusFixture browser) : IClassFixture<HostilePrometheusFixture>
{
    [Fact]
    public async Task HostileLabelValues_InSignalsAndGraph_OnBothScreens_NothingRunsTextIsTextLayoutHolds()
    {
        var presenter = await browser.PresenterPageAsync("alice");
        var audience = await browser.AudiencePageAsync();
        await presenter.Keyboard.PressAsync("3");
        await Assertions.Expect(audience.GetByTestId("audience-title")).ToContainTextAsync("Signals");

        foreach (var page in new[] { presenter, audience })
        {
            await Assertions.Expect(page.GetByTestId("tile-traffic-value").First).ToContainTextAsync("req/s");
            await Assertions.Expect(page.Locator("svg text, svg title").Filter(new() { HasText = HostileExporter.Payload }).First).ToBeAttachedAsync();
        }

        await HostileScenarioFixture.AssertInertAsync(presenter);
        await HostileScenarioFixture.AssertInertAsync(audience);
        await Screenshots.SaveAsync(presenter, audience, "hostile-signals");
    }
}
