using System.Net.Http.Headers;
using DemoConsole.Tests.Shared.Web;
using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>Nobody sits at the audience screen: after a console restart it must come back by itself.</summary>
public sealed class AudienceRecoveryTests : IAsyncLifetime
{
    private readonly string _state = Path.Combine(Directory.CreateTempSubdirectory("recovery-").FullName, "session.json");
    private IPlaywright _playwright = default!;
    private IBrowser _browser = default!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await BrowserFixture.LaunchChromiumAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private static async Task MoveToAsync(Uri console, int part)
    {
        using var client = new HttpClient { BaseAddress = console };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ConsoleWebFactory.PresenterKey);
        (await client.PostAsync($"/api/session/part/{part}", null)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task ServerRestart_AudienceReconnectsOnItsOwnAndFollowsAgain()
    {
        var first = new ConsoleWebFactory().With("DemoConsole:StateFile", _state);
        var address = first.StartKestrel();
        var audience = await BrowserFixture.AudiencePageAsync(_browser, address);
        await MoveToAsync(address, 2);
        await Assertions.Expect(audience.GetByTestId("audience-title")).ToContainTextAsync("2부");
        await DemoConsole.Tests.Shared.AsyncWait.UntilAsync(() => File.Exists(_state) && File.ReadAllText(_state).Contains("\"part\": 2", StringComparison.Ordinal), "the session to be saved");

        await first.DisposeAsync();
        await using var second = new ConsoleWebFactory().With("DemoConsole:StateFile", _state);
        second.StartKestrel(address.Port);

        // Nobody touches the audience page: it has to reconnect (or reload) by itself to follow the new server.
        await MoveToAsync(address, 5);
        await Assertions.Expect(audience.GetByTestId("audience-title")).ToContainTextAsync("5부");
    }
}
