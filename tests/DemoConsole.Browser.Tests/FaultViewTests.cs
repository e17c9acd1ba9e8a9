using System.Net;
using System.Text;
using DemoConsole.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>A crash loop injected into the sandbox shows in the part's live pods table on both screens, and heals.</summary>
public sealed class FaultViewTests(FastSandboxFixture browser) : IClassFixture<FastSandboxFixture>
{
    private const string FaultPath = "sandbox/v1/namespaces/titanium-prod/deployments/prod-blog-service-deployment/fault";

    [Fact]
    public async Task CrashLoop_PodsTableShowsCrashLoopBackOffAndRestarts_ThenRecovers()
    {
        var api = browser.Services.GetRequiredService<EmbeddedSandbox>().Host!.KubernetesApi;
        using var http = new HttpClient { BaseAddress = api };
        var presenter = await browser.PresenterPageAsync("alice");
        var audience = await browser.AudiencePageAsync();
        await presenter.Keyboard.PressAsync("6");
        var blogRows = presenter.GetByTestId("pods-table").Locator("tr[data-pod^=prod-blog-service-deployment-]");
        await Assertions.Expect(blogRows).ToHaveCountAsync(2);

        using var injected = await http.PutAsync(FaultPath, new StringContent("""{"kind":"crash-loop"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, injected.StatusCode);

        await Assertions.Expect(blogRows.Locator("td[data-status=CrashLoopBackOff]").First).ToBeVisibleAsync();
        await Assertions.Expect(blogRows.First.Locator("td").Nth(2)).ToHaveTextAsync("1/2");
        await Assertions.Expect(blogRows.First).ToHaveClassAsync("not-ready");
        await Screenshots.SaveAsync(presenter, audience, "part6-crash-loop");

        using var cleared = await http.DeleteAsync(FaultPath);
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        await Assertions.Expect(blogRows.Locator("td[data-status=Running]")).ToHaveCountAsync(2);
        await Assertions.Expect(presenter.GetByTestId("pods-table").Locator("tr.not-ready")).ToHaveCountAsync(0);
    }
}
