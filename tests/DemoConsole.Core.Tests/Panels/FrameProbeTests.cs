using System.Net;
using DemoConsole.Core.Cluster;
using DemoConsole.Core.Panels;
using DemoConsole.Core.Scenarios;
using DemoConsole.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DemoConsole.Core.Tests.Panels;

public class FrameProbeTests
{
    private static readonly Uri Console = new("http://localhost:5080/");

    [Theory]
    [InlineData("X-Frame-Options", "DENY", false)]
    [InlineData("X-Frame-Options", "SAMEORIGIN", false)]
    [InlineData("Content-Security-Policy", "frame-ancestors 'self'", false)]
    [InlineData("Content-Security-Policy", "default-src 'self'; frame-ancestors http://localhost:5080", true)]
    [InlineData("Content-Security-Policy", "frame-ancestors *", true)]
    [InlineData("Content-Security-Policy", "default-src 'self'", true)]
    public void FramingRefusal_Headers_DecideWhetherTheConsoleMayFrame(string header, string value, bool allowed)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("") };
        response.Headers.TryAddWithoutValidation(header, value);

        var refusal = FrameProbe.FramingRefusal(response.Headers, response.Content.Headers, Console);

        Assert.Equal(allowed, refusal is null);
    }

    [Fact]
    public async Task ProbeAsync_SameUrlWithinTheLifetime_AsksThePanelOnce()
    {
        var requests = 0;
        await using var panel = await LoopbackServer.StartAsync(_ =>
        {
            Interlocked.Increment(ref requests);
            return Task.CompletedTask;
        });
        var probe = new FrameProbe(new HandlerHttpClientFactory(), new FakeTimeProvider(), NullLogger<FrameProbe>.Instance);

        var first = await probe.ProbeAsync(panel.Address, Console, CancellationToken.None);
        var second = await probe.ProbeAsync(panel.Address, Console, CancellationToken.None);

        Assert.True(first.CanShow);
        Assert.Same(first, second);
        Assert.Equal(1, Volatile.Read(ref requests));
    }

    [Fact]
    public async Task ProbeAsync_LifetimeOver_AsksThePanelAgain()
    {
        var requests = 0;
        await using var panel = await LoopbackServer.StartAsync(_ =>
        {
            Interlocked.Increment(ref requests);
            return Task.CompletedTask;
        });
        var time = new FakeTimeProvider();
        var probe = new FrameProbe(new HandlerHttpClientFactory(), time, NullLogger<FrameProbe>.Instance);
        await probe.ProbeAsync(panel.Address, Console, CancellationToken.None);

        time.Advance(FrameProbe.CacheLifetime);
        await probe.ProbeAsync(panel.Address, Console, CancellationToken.None);

        Assert.Equal(2, Volatile.Read(ref requests));
    }

    [Fact]
    public async Task AddClusterViews_ResolvedTwice_SharesOneProbe()
    {
        var services = new ServiceCollection();
        services.AddClusterViews();
        await using var provider = services.BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<FrameProbe>(), provider.GetRequiredService<FrameProbe>());
        Assert.Single(services, d => d.ServiceType == typeof(FrameProbe));
    }

    [Theory]
    [InlineData(PanelKind.Grafana, "http://g:3000/d/golden", "http://g:3000/d/golden?kiosk")]
    [InlineData(PanelKind.Grafana, "http://g:3000/d/golden?orgId=1&kiosk=tv", "http://g:3000/d/golden?orgId=1&kiosk=tv")]
    [InlineData(PanelKind.Kiali, "http://k:20001/kiali/console/graph?namespaces=titanium-prod", "http://k:20001/kiali/console/graph?namespaces=titanium-prod&kiosk=true")]
    [InlineData(PanelKind.Url, "http://app:31304/blog/", "http://app:31304/blog/")]
    public void FrameUrl_PerKind_AddsKioskParameterOnce(PanelKind kind, string url, string expected)
    {
        var panel = new PanelDefinition("p", kind, "P", new Uri(url), 3, 1);

        Assert.Equal(new Uri(expected), PanelUrls.FrameUrl(panel));
    }
}
