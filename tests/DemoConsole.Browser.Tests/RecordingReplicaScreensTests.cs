using System.Globalization;
using DemoConsole.Core.Recording;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Web;
using DemoConsole.Web.Resources;
using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>
/// Recording with two console processes on one real Redis and the presenter's browser on the follower only: what the
/// presenter's screens show is recorded by the leader (which has no screen open), and after the leader is killed the
/// follower's recordings page lists its recording as cut off beside the one it records now.
/// </summary>
public sealed class RecordingReplicaScreensTests : ReplicaBrowserTest
{
    private readonly string _dir = Directory.CreateTempSubdirectory("recording-replica-screens-").FullName;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task PresenterOnTheFollower_ItsScreensAreRecordedByTheLeader_AndAfterTheLeaderDiesItsRecordingReadsAsCutOff()
    {
        var leaderFolder = Path.Combine(_dir, "leader");
        var leader = await StartAsync(leaderFolder);
        await AsyncWait.UntilAsync(async () => await LeadsAsync(leader), "the first replica to lead");
        var follower = await StartAsync(Path.Combine(_dir, "follower"));
        await AsyncWait.UntilAsync(async () => !await LeadsAsync(follower), "the second replica to follow");

        var presenter = await BrowserFixture.PresenterPageAsync(Browser, follower.Address, "alice");
        await presenter.Keyboard.PressAsync("3");
        // Only the follower has a screen open: a screen's stream in the leader's file came from it.
        string? name = null;
        await AsyncWait.UntilAsync(() => Directory.Exists(leaderFolder) && Directory.GetFiles(leaderFolder, "*.jsonl") is [var file]
            && (name = Path.GetFileName(file)) is not null
            && RecordingReader.Read(file).Lines.Any(l => l.Stream is not (RecordingStreams.Session or RecordingStreams.Runs)),
            "the leader's recording to have what the follower's screen showed");
        var followerCopy = Path.Combine(_dir, "follower", name!);
        await AsyncWait.UntilAsync(() => File.Exists(followerCopy) && RecordingStore.Summarize(followerCopy).PartsReached.Contains(3), "the follower's copy to have part 3");

        leader.KillHard();
        await AsyncWait.UntilAsync(async () => await LeadsAsync(follower), "the follower to lead");
        await presenter.GotoAsync(new Uri(follower.Address, "/present/recordings").ToString());
        await BrowserFixture.WaitForInteractiveAsync(presenter);
        var cutOff = UiText.In(CultureInfo.GetCultureInfo("ko-KR"), CultureInfo.InvariantCulture, "Recordings_Truncated");
        await Assertions.Expect(presenter.GetByTestId($"recording-{name}")).ToContainTextAsync(cutOff);
        // The switch stayed on: the new leader records in a file of its own, shown as the one being recorded.
        await Assertions.Expect(presenter.Locator("[data-testid^='recording-'][data-testid$='.jsonl']")).ToHaveCountAsync(2);
        await Assertions.Expect(presenter.GetByTestId("recording-switch")).ToHaveAttributeAsync("aria-pressed", "true");

        if (Environment.GetEnvironmentVariable("SCREENSHOT_DIR") is { Length: > 0 } screenshots)
        {
            Directory.CreateDirectory(screenshots);
            await presenter.SetViewportSizeAsync(1366, 768);
            await presenter.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "replicas-recordings-on-survivor-1366x768.png") });
        }

        // Deleted from the page (the delete goes through Redis from the screen's renderer): gone from the list and the folder.
        var row = presenter.GetByTestId($"recording-{name}");
        await row.GetByTestId("recording-delete").ClickAsync();
        var delete = UiText.In(CultureInfo.GetCultureInfo("ko-KR"), CultureInfo.InvariantCulture, "Recordings_Delete");
        await presenter.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = delete }).ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
        Assert.False(File.Exists(followerCopy));
    }

    private async Task<ConsoleProcess> StartAsync(string folder)
    {
        var settings = Redis.ReplicaSettings();
        settings["DemoConsole__Recording__Folder"] = folder;
        var console = await ConsoleProcess.StartAsync([], settings);
        Consoles.Add(console);
        return console;
    }

    private static async Task<bool> LeadsAsync(ConsoleProcess console)
    {
        using var api = new HttpClient { BaseAddress = console.Address };
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ConsoleProcess.PresenterKey);
        using var response = await api.GetAsync("/api/replica");
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("leads").GetBoolean();
    }
}
