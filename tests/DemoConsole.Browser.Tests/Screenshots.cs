using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>Screenshots of both screens for a human to look at; nothing is asserted on them.</summary>
internal static class Screenshots
{
    /// <summary>With SCREENSHOT_DIR set, saves both screens at the two projector sizes, for a human to look at.</summary>
    public static async Task SaveAsync(IPage presenter, IPage audience, string name)
    {
        if (Environment.GetEnvironmentVariable("SCREENSHOT_DIR") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        foreach (var (width, height) in new[] { (1366, 768), (1280, 720) })
        {
            foreach (var (page, who) in new[] { (presenter, "presenter"), (audience, "audience") })
            {
                await page.SetViewportSizeAsync(width, height);
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{who}-{width}x{height}.png"), FullPage = false });
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{who}-{width}x{height}-full.png"), FullPage = true });
            }
        }
    }
}
