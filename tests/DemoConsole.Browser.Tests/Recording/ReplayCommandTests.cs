using DemoConsole.Core.Actions;
using DemoConsole.Core.Recording;
using DemoConsole.Core.Session;
using DemoConsole.Tests.Shared.Web;
using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests.Recording;

/// <summary>
/// <c>DemoConsole replay FILE</c> as a real process: it serves the recording on /watch with no sandbox and no cluster
/// (the emergency plan for "the network failed"), and prints the sign-in links like a normal start.
/// </summary>
public sealed class ReplayCommandTests : IAsyncLifetime, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("replay-command-").FullName;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await BrowserFixture.LaunchChromiumAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Replay_ServesTheRecordingOnWatch_WithNoSandbox()
    {
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var path = Path.Combine(_dir, "default-rehearsal.jsonl");
        using (var writer = new RecordingWriter(path, new RecordingHeader { Scenario = "Titanium", ScenarioSource = "embedded:default", StartedAt = start, ClusterMode = "Sandbox" }, SecretScrubber.None))
        {
            writer.Append(RecordingStreams.Session, new SessionSnapshot { Version = 1, Position = SessionPosition.ForPart(4) }, start.AddSeconds(1));
            writer.Append(RecordingStreams.Runs, RunBoard.Empty, start.AddSeconds(1));
            writer.Append(RecordingStreams.Session, new SessionSnapshot { Version = 2, Position = SessionPosition.ForPart(4), Driver = "alice" }, start.AddMinutes(30));
        }

        await using var console = await ConsoleProcess.StartAsync(["replay", path], new Dictionary<string, string>());
        var audience = await BrowserFixture.AudiencePageAsync(_browser!, console.Address);

        await Assertions.Expect(audience.GetByTestId("replay-marker")).ToBeVisibleAsync();
        await Assertions.Expect(audience.GetByTestId("audience-title")).ToContainTextAsync("4부");
        Assert.Contains("Replaying default-rehearsal.jsonl", console.Output);
        Assert.Contains("Audience screen:", console.Output);
        // No sandbox was started: the console says so where it would name the sandbox's addresses.
        using var api = new HttpClient { BaseAddress = console.Address };
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ConsoleProcess.PresenterKey);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await api.GetAsync("/api/sandbox")).StatusCode);
    }
}
