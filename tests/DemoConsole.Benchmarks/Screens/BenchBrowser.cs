using DemoConsole.Tests.Shared.Web;
using Microsoft.Playwright;

namespace DemoConsole.Benchmarks.Screens;

/// <summary>Debian's Chromium and the console's pages (presenter signed in, audience through its link) for the benchmarks.</summary>
internal static class BenchBrowser
{
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            // As in the browser tests: without these Chromium tries to reach Google's services, which this network refuses.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });

    /// <summary>A new context (its own cookies) signed in as the presenter, on <paramref name="path"/>, interactive.</summary>
    public static async Task<IPage> PresenterPageAsync(IBrowser browser, Uri console, string path)
    {
        var page = await NewPageAsync(browser, console);
        await page.GotoAsync($"/signin#key={ConsoleWebFactory.PresenterKey}");
        await page.FillAsync("input[name=name]", "bench");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/present**");
        await page.GotoAsync(path);
        await InteractiveAsync(page);
        return page;
    }

    /// <summary>A new context following the presenter through the audience link, interactive.</summary>
    public static async Task<IPage> AudiencePageAsync(IBrowser browser, Uri console)
    {
        var page = await NewPageAsync(browser, console);
        await page.GotoAsync($"/auth/watch?t={ConsoleWebFactory.ViewerToken}");
        await page.WaitForURLAsync("**/watch");
        await InteractiveAsync(page);
        return page;
    }

    private static async Task<IPage> NewPageAsync(IBrowser browser, Uri console)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = console.ToString() });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        return page;
    }

    /// <summary>Blazor Server pages are live once the circuit is up.</summary>
    private static async Task InteractiveAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => window.Blazor && document.querySelector('[data-interactive]') !== null");
}
