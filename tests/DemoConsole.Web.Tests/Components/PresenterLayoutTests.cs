using Bunit;
using DemoConsole.Core.Session;
using DemoConsole.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace DemoConsole.Web.Tests.Components;

public class PresenterLayoutTests : ConsoleComponentTest
{
    private IRenderedComponent<PresenterLayout> RenderLayout()
    {
        return Render<PresenterLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "body"))));
    }

    [Theory]
    [InlineData("PageDown", "/present/prep")]
    [InlineData("ArrowRight", "/present/prep")]
    [InlineData("3", "/present/3")]
    [InlineData("Home", "/present")]
    public async Task OnKeyAsync_ClickerAndNumberKeys_MoveTheSession(string key, string expected)
    {
        var cut = RenderLayout();

        await cut.InvokeAsync(() => cut.Instance.OnKeyAsync(key));

        Assert.Equal(expected, Session.Snapshot.Position.PresenterPath);
    }

    [Fact]
    public async Task OnKeyAsync_PageUpAfterPageDown_GoesBack()
    {
        var cut = RenderLayout();
        await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("2"));

        await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("PageUp"));

        Assert.Equal("/present/1", Session.Snapshot.Position.PresenterPath);
    }

    [Fact]
    public async Task OnKeyAsync_P_PausesAndResumesTimers()
    {
        var cut = RenderLayout();
        await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("1"));

        await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("p"));
        Assert.NotNull(Session.Snapshot.Timers.PausedAt);

        await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("p"));
        Assert.Null(Session.Snapshot.Timers.PausedAt);
    }

    [Fact]
    public void Render_RegistersThisScreenAndShowsWhoDrives()
    {
        var cut = RenderLayout();

        Assert.Contains("alice", Session.Snapshot.Presenters);
        Session.TakeControl(DemoConsole.Core.Security.Actor.Presenter("bob"));

        cut.WaitForAssertion(() => Assert.Contains("bob drives", cut.Find("[data-testid=driver]").TextContent));
    }

    [Fact]
    public async Task OnKeyAsync_WhileSomeoneElseDrives_DoesNotMove()
    {
        Session.TakeControl(DemoConsole.Core.Security.Actor.Presenter("bob"));
        var cut = RenderLayout();

        await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("3"));

        Assert.Equal(SessionPosition.Overview, Session.Snapshot.Position);
    }

    [Fact]
    public void SessionMovedElsewhere_ScreenNavigatesToTheSamePage()
    {
        var cut = RenderLayout();
        var navigation = Services.GetRequiredService<NavigationManager>();

        Session.GoTo(DemoConsole.Core.Security.Actor.Presenter(DemoSession.RemoteName), SessionPosition.ForPart(2));

        cut.WaitForAssertion(() => Assert.EndsWith("/present/2", navigation.Uri, StringComparison.Ordinal));
    }

    [Fact]
    public void ScenarioReloaded_TabsFollowTheNewScenario()
    {
        var cut = RenderLayout();
        Assert.Single(cut.FindAll("[data-testid='tab-/present/closing']"));

        Source.Replace(Scenario with { Closing = null });

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid='tab-/present/closing']")));
    }

    [Fact]
    public async Task Dispose_LayoutGone_StopsFollowingAndDisconnects()
    {
        var cut = RenderLayout();
        Assert.Contains("alice", Session.Snapshot.Presenters);

        await cut.InvokeAsync(() => cut.Instance.DisposeAsync().AsTask());

        Assert.DoesNotContain("alice", Session.Snapshot.Presenters);
    }
}
