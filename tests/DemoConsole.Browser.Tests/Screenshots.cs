using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>Pictures of the screens a test reached, for a human to look at; nothing unless SCREENSHOT_DIR is set.</summary>
public static class Screenshots
{
    /// <summary>
    /// Both screens at the presenter's laptop size and the projector's, each as the window shows it and whole; the two
    /// pages may be named otherwise (two consoles side by side).
    /// </summary>
    public static async Task SaveAsync(IPage presenter, IPage audience, string name, string presenterName = "presenter", string audienceName = "audience")
    {
        if (Environment.GetEnvironmentVariable("SCREENSHOT_DIR") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        foreach (var (width, height) in new[] { (1366, 768), (1280, 720) })
        {
            foreach (var (page, who) in new[] { (presenter, presenterName), (audience, audienceName) })
            {
                await page.SetViewportSizeAsync(width, height);
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{who}-{width}x{height}.png"), FullPage = false });
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{who}-{width}x{height}-full.png"), FullPage = true });
            }
        }
    }
}
