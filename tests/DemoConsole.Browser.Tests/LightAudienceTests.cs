using DemoConsole.Core.Session;
using DemoConsole.Tests.Shared.Web;
using DemoConsole.Web.Hosting;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>
/// The light audience screen (<c>/watch/light</c>): one server-side rendering pushed to every screen, no circuit. It must
/// follow the presenter and the cluster like <c>/watch</c>, refuse a browser without the viewer token, and never carry the
/// presenter's script.
/// </summary>
public sealed class LightAudienceTests(FastSandboxFixture browser) : IClassFixture<FastSandboxFixture>
{
    [Fact]
    public async Task LightScreen_FollowsPresenterAndCluster_WithoutCircuitOrScript()
    {
        var presenter = await browser.PresenterPageAsync("alice");
        var light = await LightPageAsync();
        await light.EvaluateAsync("() => window.__notReloaded = true");

        await presenter.Keyboard.PressAsync("3");
        await Assertions.Expect(light.GetByTestId("audience-title")).ToContainTextAsync("3부");

        await presenter.Keyboard.PressAsync("6");
        await Assertions.Expect(light.GetByTestId("audience-title")).ToContainTextAsync("6부");
        var pods = light.Locator("[data-testid=view-ha-pods] tr[data-pod]");
        await Assertions.Expect(pods.First).ToBeVisibleAsync();
        var blazor = await browser.AudiencePageAsync();
        await Assertions.Expect(blazor.Locator("[data-testid=view-ha-pods] tr[data-pod]").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(blazor, light, "light-audience-part6", presenterName: "blazor", audienceName: "light");

        // A cluster change made outside the console: the pod's row leaves the light screen as it leaves the cluster.
        var sandbox = browser.Services.GetRequiredService<EmbeddedSandbox>().Host!;
        using var kube = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(sandbox.KubeconfigPath));
        var victim = (await kube.CoreV1.ListNamespacedPodAsync("titanium-prod", labelSelector: "app=blog-service")).Items[0].Metadata.Name;
        await Assertions.Expect(light.Locator($"tr[data-pod='{victim}']")).ToHaveCountAsync(1);
        await kube.CoreV1.DeleteNamespacedPodAsync(victim, "titanium-prod");
        await Assertions.Expect(light.Locator($"tr[data-pod='{victim}']")).ToHaveCountAsync(0);

        Assert.True(await light.EvaluateAsync<bool>("() => window.__notReloaded === true"));
        // No circuit: the page never opened Blazor's connection.
        Assert.Equal(0, await light.EvaluateAsync<int>("() => performance.getEntriesByType('resource').filter(e => e.name.includes('/_blazor')).length"));
        Assert.Equal(0, await light.GetByTestId("teleprompter").CountAsync());
        var html = await light.ContentAsync();
        foreach (var line in ScriptLines(browser.Services.GetRequiredService<DemoSession>()))
        {
            Assert.DoesNotContain(line, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WithoutViewerToken_PageSendsToSignIn_AndStreamIsRefused()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/watch/light");
        await page.WaitForURLAsync("**/signin**");

        var stream = await context.APIRequest.GetAsync("/watch/stream", new() { MaxRedirects = 0 });
        Assert.Equal(401, stream.Status);

        var wrongToken = await context.APIRequest.GetAsync("/auth/watch?t=wrong&view=light", new() { MaxRedirects = 0 });
        Assert.EndsWith("/signin?error=token", wrongToken.Headers["location"], StringComparison.Ordinal);
        await context.CloseAsync();
    }

    private async Task<IPage> LightPageAsync()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseAddress.ToString() });
        context.SetDefaultTimeout(BrowserFixture.PatienceMs);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/auth/watch?t={ConsoleWebFactory.ViewerToken}&view=light");
        await page.WaitForURLAsync("**/watch/light");
        await page.WaitForFunctionAsync("() => document.getElementById('audience-light').dataset.version !== undefined");
        return page;
    }

    /// <summary>
    /// Plain lines of every part's teleprompter script (no Markdown or HTML-escaped characters, so they would appear
    /// verbatim if shown), long enough to be the script's own words rather than a shared title.
    /// </summary>
    private static List<string> ScriptLines(DemoSession session)
    {
        var lines = session.Scenario.Parts.SelectMany(p => p.Section.Script).SelectMany(b => b.Markdown.Split('\n'))
            .Select(l => l.Trim()).Where(l => l.Length >= 30 && !l.Any(c => "*_`[]#>&<\"'|".Contains(c))).Distinct().ToList();
        Assert.NotEmpty(lines);
        return lines;
    }
}
