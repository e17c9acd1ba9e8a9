using DemoConsole.Core.Security;
using DemoConsole.Core.Session;
using DemoConsole.Tests.Shared.Web;
using DemoConsole.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>A console on the built-in English scenario (DemoConsole:Language=en).</summary>
public sealed class EnglishConsoleFixture : BrowserFixture
{
    protected override ConsoleWebFactory Configure(ConsoleWebFactory factory) => factory.With("DemoConsole:Language", "en");
}

/// <summary>
/// The audience screen on every page of the built-in scenario, in both themes, at a 1280×720 projector and a 1920×1080
/// screen: a picture of each (SCREENSHOT_DIR, else the test output's stage-screens folder) and no text clipped, spilling
/// out of its panel or too small to read.
/// </summary>
public abstract class StageScreenTests(BrowserFixture browser, string language)
{
    private static readonly (int Width, int Height)[] Sizes = [(1280, 720), (1920, 1080)];

    [Fact]
    public async Task EveryPage_BothThemesAndSizes_NothingClippedOverflowingOrTooSmall()
    {
        var session = browser.Services.GetRequiredService<DemoSession>();
        var alice = Actor.Presenter("alice");
        var audience = await browser.AudiencePageAsync();
        var folder = ScreenshotFolder();
        var problems = new List<string>();

        // Traffic to the sandbox gateway (loopback) the whole time, so the metrics views draw numbers and lines, not "no traffic".
        using var traffic = new CancellationTokenSource();
        var sending = SendTrafficAsync(browser.Services.GetRequiredService<EmbeddedSandbox>().Host!.Gateway, traffic.Token);
        Assert.True(session.GoTo(alice, SessionPosition.ForPart(3)).Succeeded);
        await Assertions.Expect(audience.GetByTestId("tile-traffic-value")).ToContainTextAsync("req/s");

        foreach (var position in SessionPosition.Sequence(session.Scenario))
        {
            Assert.True(session.GoTo(alice, position).Succeeded);
            foreach (var theme in Enum.GetValues<AudienceTheme>())
            {
                Assert.True(session.SetAudienceTheme(alice, theme).Succeeded);
                await Assertions.Expect(audience.GetByTestId("audience")).ToHaveAttributeAsync("data-page", position.PresenterPath);
                await Assertions.Expect(audience.GetByTestId("audience")).ToHaveAttributeAsync("data-theme", theme.ToString());
                foreach (var (width, height) in Sizes)
                {
                    await audience.SetViewportSizeAsync(width, height);
                    await SettledAsync(audience);
                    var name = $"{language}-{position.PresenterPath.Trim('/').Replace('/', '-')}-{theme.ToString().ToLowerInvariant()}-{width}x{height}";
                    await audience.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
                    problems.AddRange((await LayoutCheck.AudienceProblemsAsync(audience)).Select(p => $"{name}: {p}"));
                }
            }
        }

        await traffic.CancelAsync();
        await sending;
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Mostly good requests, some 404s and 405s, until cancelled.</summary>
    private static async Task SendTrafficAsync(Uri gateway, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        // Ten requests a second, like the runbook's load generator at a faster pace.
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        for (var i = 0; !cancellationToken.IsCancellationRequested; i++)
        {
            using var request = (i % 10) switch
            {
                7 => new HttpRequestMessage(HttpMethod.Get, new Uri(gateway, "/nonexistent-endpoint")),
                9 => new HttpRequestMessage(HttpMethod.Delete, new Uri(gateway, "/blog/")),
                _ => new HttpRequestMessage(HttpMethod.Get, new Uri(gateway, "/blog/")),
            };
            try
            {
                (await http.SendAsync(request, cancellationToken)).Dispose();
                await pace.WaitForNextTickAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Waits until the live views have their first data, so the picture and the measure show the real page.</summary>
    private static async Task SettledAsync(IPage page)
    {
        // Every view has its first data; only the pipeline's "no commit yet" waits for a button nobody presses here.
        const string Waiting = "[data-testid=view-waiting], .panel-wait:not([data-kind=pipeline] .panel-wait)";
        try
        {
            await page.WaitForFunctionAsync($"() => !document.querySelector('{Waiting}')");
        }
        catch (TimeoutException)
        {
            var still = await page.EvaluateAsync<string>($"() => [...document.querySelectorAll('{Waiting}')].map(e => e.textContent).join(' | ')");
            throw new TimeoutException($"{page.Url} still waits: {still}");
        }

        await page.EvaluateAsync("() => document.fonts.ready");
        // Two frames: the new viewport's layout is done before measuring.
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    }

    private static string ScreenshotFolder()
    {
        var folder = Environment.GetEnvironmentVariable("SCREENSHOT_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "stage-screens");
        Directory.CreateDirectory(folder);
        return folder;
    }
}

public sealed class KoreanStageScreenTests(BrowserFixture browser) : StageScreenTests(browser, "ko"), IClassFixture<BrowserFixture>;

public sealed class EnglishStageScreenTests(EnglishConsoleFixture browser) : StageScreenTests(browser, "en"), IClassFixture<EnglishConsoleFixture>;
