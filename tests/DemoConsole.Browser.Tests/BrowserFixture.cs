using DemoConsole.Tests.Shared.Web;
using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>
/// One real console on Kestrel (loopback, free port) and one real Chromium for the tests of a class.
/// Chromium is Debian's (/usr/bin/chromium, or CHROMIUM_PATH); Playwright cannot download browsers here.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    /// <summary>
    /// How long a page may take to show what a test waits for. Generous because CI runs the test assemblies side by
    /// side on two cores; a passing wait returns as soon as the page shows it.
    /// </summary>
    public const float PatienceMs = 60_000;

    static BrowserFixture() => Assertions.SetDefaultExpectTimeout(PatienceMs);

    private ConsoleWebFactory? _factory;
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public IServiceProvider Services => _factory!.Services;

    public virtual async Task InitializeAsync()
    {
        _factory = Configure(new ConsoleWebFactory());
        BaseAddress = _factory.StartKestrel();
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>Settings of the console under test, for fixtures that need other ones.</summary>
    protected virtual ConsoleWebFactory Configure(ConsoleWebFactory factory) => factory;

    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            // Without these, Chromium tries to reach Google's services at start, which this network refuses.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });

    /// <summary>A new browser context (its own cookies) signed in as a presenter.</summary>
    public Task<IPage> PresenterPageAsync(string name) => PresenterPageAsync(Browser, BaseAddress, name);

    public static async Task<IPage> PresenterPageAsync(IBrowser browser, Uri baseAddress, string name)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });
        context.SetDefaultTimeout(PatienceMs);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/signin#key={ConsoleWebFactory.PresenterKey}");
        await page.FillAsync("input[name=name]", name);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/present**");
        await WaitForInteractiveAsync(page);
        await page.WaitForFunctionAsync("() => document.body.dataset.keys === 'ready'");
        return page;
    }

    /// <summary>A new browser context following the presenter through the audience link.</summary>
    public Task<IPage> AudiencePageAsync() => AudiencePageAsync(Browser, BaseAddress);

    public static async Task<IPage> AudiencePageAsync(IBrowser browser, Uri baseAddress)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });
        context.SetDefaultTimeout(PatienceMs);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/auth/watch?t={ConsoleWebFactory.ViewerToken}");
        await page.WaitForURLAsync("**/watch");
        await WaitForInteractiveAsync(page);
        return page;
    }

    /// <summary>Blazor Server pages are live once the circuit is up; before that, clicks do nothing.</summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        page.WaitForFunctionAsync("() => window.Blazor && document.querySelector('[data-interactive]') !== null");

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}
