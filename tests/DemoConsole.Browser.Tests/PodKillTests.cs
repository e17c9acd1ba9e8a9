using System.Text.RegularExpressions;
using DemoConsole.Tests.Shared.Web;
using DemoConsole.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>The sandbox's clock runs ten times faster here, so a replacement pod is Ready in about a second.</summary>
public sealed class FastSandboxFixture : BrowserFixture
{
    protected override ConsoleWebFactory Configure(ConsoleWebFactory factory) =>
        factory.With("DemoConsole:Cluster:SandboxTimeScale", "0.1");
}

public sealed class PodKillTests(FastSandboxFixture browser) : IClassFixture<FastSandboxFixture>
{
    [Fact]
    public async Task KillOnPresenterPage_ConfirmedWhileThePageReRenders_DeletesExactlyTheNamedPodAndAudienceSeesRecovery()
    {
        var journal = browser.Services.GetRequiredService<EmbeddedSandbox>().Host!.Journal;
        var presenter = await browser.PresenterPageAsync("alice");
        var audience = await browser.AudiencePageAsync();
        await presenter.Keyboard.PressAsync("6");
        await Assertions.Expect(audience.GetByTestId("audience-title")).ToContainTextAsync("6부");

        // A request sequence reports its figures several times a second, re-rendering the action panel meanwhile.
        await presenter.GetByTestId("run-availability-check").ClickAsync();
        await presenter.GetByTestId("run-kill-blog-pod").ClickAsync();

        // The confirmation names the pod the server's dry run accepted, in the presenter's Korean; nothing is deleted before Confirm.
        var text = presenter.GetByTestId("confirm-text-kill-blog-pod");
        await Assertions.Expect(text).ToContainTextAsync("prod-blog-service-deployment");
        var named = Regex.Match(await text.TextContentAsync() ?? "", @"pod (\S+)을\(를\) 삭제합니다").Groups[1].Value;
        await Assertions.Expect(presenter.Locator("[data-testid=action-availability-check] [data-testid=run-result]")).ToHaveAttributeAsync("data-status", "succeeded");
        await Assertions.Expect(text).ToContainTextAsync($"pod {named}을(를) 삭제합니다");
        await Screenshots.SaveAsync(presenter, audience, "pod-kill-confirmation");
        await presenter.GetByTestId("confirm-run-kill-blog-pod").ClickAsync();

        var recovery = audience.Locator("[data-testid=audience-run-kill-blog-pod] [data-testid=recovery]");
        await Assertions.Expect(recovery).ToBeVisibleAsync();
        await Assertions.Expect(recovery).ToHaveAttributeAsync("data-state", "recovered");
        await Assertions.Expect(recovery.GetByTestId("recovery-seconds")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+\.\ds$"));
        await Assertions.Expect(recovery.Locator("li.done")).ToHaveCountAsync(6);
        await Assertions.Expect(recovery.GetByTestId("recovery-availability")).ToContainTextAsync("실패 0건");
        await Assertions.Expect(recovery).ToContainTextAsync(named);
        var deletes = journal.Requests.Where(r => r.Method == "DELETE" && r.Path.Contains("/pods/", StringComparison.Ordinal)).ToList();
        Assert.Single(deletes, r => r.Query.Contains("dryRun=All", StringComparison.Ordinal));
        Assert.EndsWith("/pods/" + named, Assert.Single(deletes, r => !r.Query.Contains("dryRun", StringComparison.Ordinal)).Path);
    }
}
