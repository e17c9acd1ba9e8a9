using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Web;
using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>
/// What a browser test of console replicas starts and stops: one real Redis, the console processes the test starts on
/// it (added to <see cref="Consoles"/>, stopped at the end), and Chromium.
/// </summary>
public abstract class ReplicaBrowserTest : IAsyncLifetime
{
    private IPlaywright? _playwright;

    protected RealRedis Redis { get; private set; } = null!;

    protected List<ConsoleProcess> Consoles { get; } = [];

    protected IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Redis = await RealRedis.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserFixture.LaunchChromiumAsync(_playwright);
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        foreach (var console in Consoles)
        {
            await console.DisposeAsync();
        }

        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }
    }
}
