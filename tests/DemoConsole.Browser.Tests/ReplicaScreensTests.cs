using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Web;
using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>
/// A presenter on one console replica and an audience on another, both processes on one real Redis: the audience
/// follows the presenter's part, and a burst the presenter starts (run by the leader) shows live on the audience screen.
/// </summary>
public sealed class ReplicaScreensTests : ReplicaBrowserTest
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PresenterOnOneReplica_AudienceOnTheOther_FollowsThePartAndTheBurstLive(bool presenterOnLeader)
    {
        var leader = await StartAsync();
        await AsyncWait.UntilAsync(async () => (await ReplicaAsync(leader)).GetProperty("leads").GetBoolean(), "the first replica to lead");
        var follower = await StartAsync();
        await AsyncWait.UntilAsync(async () => (await ReplicaAsync(follower)).GetProperty("leader").GetString() is { Length: > 0 }, "the second replica to see the leader");
        var (presenterConsole, audienceConsole) = presenterOnLeader ? (leader, follower) : (follower, leader);

        var presenter = await BrowserFixture.PresenterPageAsync(Browser, presenterConsole.Address, "alice");
        var audience = await BrowserFixture.AudiencePageAsync(Browser, audienceConsole.Address);
        await presenter.Keyboard.PressAsync("3");
        await Assertions.Expect(audience.GetByTestId("audience-title")).ToContainTextAsync("3부");
        // The presenter connected to one replica is listed by the other too.
        await AsyncWait.UntilAsync(async () => (await GetAsync(audienceConsole, "/api/session")).GetProperty("presenters").EnumerateArray().Any(p => p.GetString() == "alice"),
            "the other replica to list alice as connected");

        await BurstOnScreens.RunAndFollowAsync(presenter, audience);
        await Screenshots.SaveAsync(presenter, audience, presenterOnLeader ? "replicas-presenter-on-leader" : "replicas-presenter-on-follower");
    }

    [Fact]
    public async Task RedisLost_ThePresenterIsToldAndKeepsWorking_UntilItIsBack()
    {
        var console = await StartAsync();
        var presenter = await BrowserFixture.PresenterPageAsync(Browser, console.Address, "alice");
        var audience = await BrowserFixture.AudiencePageAsync(Browser, console.Address);
        var banner = presenter.GetByTestId("shared-state-banner");
        await Assertions.Expect(banner).ToHaveCountAsync(0);

        Redis.Kill();
        await Assertions.Expect(banner).ToBeVisibleAsync();
        await presenter.Keyboard.PressAsync("2");
        await Assertions.Expect(audience.GetByTestId("audience-title")).ToContainTextAsync("2부");
        await Screenshots.SaveAsync(presenter, audience, "replicas-redis-lost");

        await Redis.StartAgainAsync();
        await Assertions.Expect(banner).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task RedisLost_TheFollowersClusterViewsSaySo_ThenGoLiveAgain()
    {
        var leader = await StartAsync();
        await AsyncWait.UntilAsync(async () => (await ReplicaAsync(leader)).GetProperty("leads").GetBoolean(), "the first replica to lead");
        var follower = await StartAsync();
        await AsyncWait.UntilAsync(async () => (await ReplicaAsync(follower)).GetProperty("leader").GetString() is { Length: > 0 }, "the second replica to see the leader");
        var presenter = await BrowserFixture.PresenterPageAsync(Browser, follower.Address, "alice");
        var audience = await BrowserFixture.AudiencePageAsync(Browser, follower.Address);
        await presenter.Keyboard.PressAsync("6");
        await Assertions.Expect(audience.Locator("[data-testid=view-ha-pods] tr[data-pod]").First).ToBeVisibleAsync();
        var banner = presenter.GetByTestId("cluster-banner");
        await Assertions.Expect(banner).ToHaveCountAsync(0);

        Redis.Kill();
        // The cluster banner names the shared state as what is missing (the presenter page is in Korean by default).
        await Assertions.Expect(banner).ToContainTextAsync("Redis", new() { Timeout = 15_000 });
        await Assertions.Expect(audience.Locator("[data-testid=view-ha-pods] tr[data-pod]").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(presenter, audience, "replicas-follower-redis-lost");

        await Redis.StartAgainAsync();
        await Assertions.Expect(banner).ToHaveCountAsync(0, new() { Timeout = 30_000 });
    }

    private async Task<ConsoleProcess> StartAsync()
    {
        var console = await ConsoleProcess.StartAsync([], Redis.ReplicaSettings());
        Consoles.Add(console);
        return console;
    }

    private static Task<JsonElement> ReplicaAsync(ConsoleProcess console) => GetAsync(console, "/api/replica");

    private static async Task<JsonElement> GetAsync(ConsoleProcess console, string path)
    {
        using var api = new HttpClient { BaseAddress = console.Address };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ConsoleProcess.PresenterKey);
        return await api.GetFromJsonAsync<JsonElement>(path);
    }
}
