using System.Net;
using DemoConsole.Core.Panels;
using DemoConsole.Core.Scenarios;

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
