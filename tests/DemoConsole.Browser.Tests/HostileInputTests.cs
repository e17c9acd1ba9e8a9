using k8s;
using System.Net;
using DemoConsole.Tests.Shared.Web;
using DemoConsole.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>
/// A scenario full of payloads, served with the console's own scenario-file setting; the sandbox at a hundredth of real
/// time so its demo commit's pipeline ends in seconds.
/// </summary>
public sealed class HostileScenarioFixture : BrowserFixture
{
    public static readonly string ScenarioPath = Path.Combine(AppContext.BaseDirectory, "Hostile", "hostile-scenario.md");

    protected override ConsoleWebFactory Configure(ConsoleWebFactory factory) =>
        factory.With("DemoConsole:ScenarioPath", ScenarioPath)
            .With("DemoConsole:Cluster:SandboxTimeScale", "0.01").With("DemoConsole:GitHub:PollInterval", "00:00:00.5");

    /// <summary>Nothing a payload would do happened on the page, and the page is no wider than the window.</summary>
    public static async Task AssertInertAsync(IPage page)
    {
        Assert.Null(await page.EvaluateAsync<string?>("() => window.__pwned ?? null"));
        Assert.Equal(0, await page.Locator("img[src='x'], svg[onload], [onerror], [onmouseover]").CountAsync());
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 1, $"the page is {overflow}px wider than the window");
    }
}

/// <summary>
/// Hostile text from the scenario and from the cluster (gateway log lines carry request paths the console does not
/// control) is shown as text on the presenter and audience screens: nothing runs, and a very long line is cut
/// rather than widening the page.
/// </summary>
public sealed class HostileInputTests(HostileScenarioFixture browser) : IClassFixture<HostileScenarioFixture>
{
    [Fact]
    public async Task HostileScenarioAndLogLines_OnBothScreens_NothingRunsTextIsTextLayoutHolds()
    {
        var presenter = await browser.PresenterPageAsync("alice <b>bob</b>");
        var audience = await browser.AudiencePageAsync();
        await presenter.Keyboard.PressAsync("1");
        await Assertions.Expect(audience.GetByTestId("audience-title")).ToContainTextAsync("Payloads");

        // A request whose path is a payload, and one whose User-Agent is 10,000 characters, reach the gateway's access log.
        var gateway = browser.Services.GetRequiredService<EmbeddedSandbox>().Host!.Gateway;
        using var http = new HttpClient { BaseAddress = gateway };
        await http.GetAsync("/" + WebUtility.UrlEncode("<img src=x onerror=\"window.__pwned='log'\">"));
        using var longAgent = new HttpRequestMessage(HttpMethod.Get, "/blog/");
        longAgent.Headers.TryAddWithoutValidation("User-Agent", "long-" + new string('x', 10_000));
        await http.SendAsync(longAgent);
        // A container that writes invalid UTF-8 and control characters (an ANSI colour, a bell) to stdout: the line
        // arrives, undecodable bytes shown as U+FFFD, the rest as text.
        await WriteGatewayOutputAsync([.. "bytes "u8, 0xFF, 0xFE, (byte)' ', 0xC3, 0x28, .. " end "u8, 0x1B, .. "[31mred"u8, 0x07, (byte)'\n']);
        await presenter.GetByTestId("run-burst").ClickAsync();
        await Assertions.Expect(presenter.GetByTestId("view-logs")).ToContainTextAsync("bytes \uFFFD\uFFFD \uFFFD( end");
        await Assertions.Expect(audience.GetByTestId("view-logs")).ToContainTextAsync("bytes \uFFFD\uFFFD \uFFFD( end");
        await Assertions.Expect(presenter.GetByTestId("view-logs")).ToContainTextAsync("[31mred");
        await Assertions.Expect(presenter.GetByTestId("view-logs")).ToContainTextAsync("onerror");
        await Assertions.Expect(presenter.GetByTestId("view-logs")).ToContainTextAsync("long-xxxx");
        await Assertions.Expect(audience.GetByTestId("view-logs")).ToContainTextAsync("onerror");

        await HostileScenarioFixture.AssertInertAsync(presenter);
        await HostileScenarioFixture.AssertInertAsync(audience);

        await Assertions.Expect(audience.Locator("body")).ToContainTextAsync("Hostile <script>window.__pwned = 'title'</script> demo");
        await Assertions.Expect(presenter.GetByTestId("teleprompter")).ToContainTextAsync("<script>window.__pwned = 'script'</script>");
        await Assertions.Expect(presenter.GetByTestId("run-burst")).ToContainTextAsync("<img src=x");
        Assert.Equal(0, await presenter.Locator("[data-testid=teleprompter] a[href^='javascript'], [data-testid=teleprompter] a[href^='data']").CountAsync());
    }

    /// <summary>Writes bytes to the stdout of every api-gateway pod through the sandbox's output endpoint.</summary>
    private async Task WriteGatewayOutputAsync(byte[] bytes)
    {
        var sandbox = browser.Services.GetRequiredService<EmbeddedSandbox>().Host!;
        using var http = new HttpClient { BaseAddress = sandbox.KubernetesApi };
        using var kube = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(sandbox.KubeconfigPath));
        var pods = await kube.CoreV1.ListNamespacedPodAsync("titanium-prod", labelSelector: "app=api-gateway");
        foreach (var pod in pods.Items)
        {
            using var written = await http.PostAsync($"/sandbox/v1/namespaces/titanium-prod/pods/{pod.Metadata.Name}/output?container=api-gateway-container", new ByteArrayContent(bytes));
            Assert.Equal(HttpStatusCode.Created, written.StatusCode);
        }
    }
}
