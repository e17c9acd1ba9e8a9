using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>A pod picked from the live list is killed through the part's pod-kill action, with all its guard rails.</summary>
public sealed class PodPickTests(FastSandboxFixture browser) : IClassFixture<FastSandboxFixture>
{
    [Fact]
    public async Task PickBlogPodFromLiveList_ThatPodIsKilledAndReplaced()
    {
        var presenter = await browser.PresenterPageAsync("alice");
        await presenter.Keyboard.PressAsync("6");
        var pods = presenter.GetByTestId("view-ha-pods");
        var blogRow = pods.Locator("tr[data-pod^='prod-blog-service-deployment-']").First;
        await Assertions.Expect(blogRow).ToBeVisibleAsync();
        var pod = await blogRow.GetAttributeAsync("data-pod");

        await pods.GetByTestId($"kill-{pod}").ClickAsync();
        await Assertions.Expect(pods.GetByTestId("confirm-kill-blog-pod")).ToContainTextAsync(pod!);
        await pods.GetByTestId("confirm-run-kill-blog-pod").ClickAsync();

        var recovery = presenter.Locator("[data-testid=action-kill-blog-pod] [data-testid=recovery]");
        await Assertions.Expect(recovery).ToHaveAttributeAsync("data-state", "recovered");
        await Assertions.Expect(recovery).ToContainTextAsync(pod!);
        await Assertions.Expect(pods.Locator($"tr[data-pod='{pod}']")).ToHaveCountAsync(0);
    }
}

/// <summary>Its own console: a kill in another test would make this one refuse for the minimum interval instead.</summary>
public sealed class DatabasePodPickTests(FastSandboxFixture browser) : IClassFixture<FastSandboxFixture>
{
    [Fact]
    public async Task PickDatabasePod_ConfirmationRefusesWithTheReason()
    {
        var presenter = await browser.PresenterPageAsync("alice");
        await presenter.Keyboard.PressAsync("6");
        var pods = presenter.GetByTestId("view-ha-pods");
        await Assertions.Expect(pods.GetByTestId("kill-postgresql-0")).ToBeVisibleAsync();

        await pods.GetByTestId("kill-postgresql-0").ClickAsync();

        var confirm = pods.GetByTestId("confirm-kill-blog-pod");
        await Assertions.Expect(confirm).ToContainTextAsync("postgresql");
        await Assertions.Expect(pods.GetByTestId("confirm-run-kill-blog-pod")).ToBeDisabledAsync();
    }
}
