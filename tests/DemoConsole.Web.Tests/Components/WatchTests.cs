using Bunit;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Session;
using DemoConsole.Web.Components.Pages;

namespace DemoConsole.Web.Tests.Components;

public class WatchTests : ConsoleComponentTest
{
    [Fact]
    public void Render_NeverShowsScriptNotesOrControls()
    {
        Session.GoTo(Alice, SessionPosition.ForPart(3));

        var cut = Render<Watch>();

        Assert.Contains("Part 3 · Monitoring", cut.Find("[data-testid=audience-title]").TextContent);
        Assert.DoesNotContain("Script of part 3", cut.Markup);
        Assert.Empty(cut.FindAll("button"));
        Assert.Empty(cut.FindAll("[data-testid=teleprompter]"));
    }

    [Fact]
    public void SessionMoves_AudienceFollowsWithoutReload()
    {
        var cut = Render<Watch>();

        Session.GoTo(Alice, SessionPosition.ForPart(2));

        cut.WaitForAssertion(() => Assert.Contains("Part 2 · Pipeline", cut.Find("[data-testid=audience-title]").TextContent));
    }

    [Fact]
    public void ActionRuns_OnCurrentPart_ShowLiveResult()
    {
        Session.GoTo(Alice, SessionPosition.ForPart(3));
        var cut = Render<Watch>();

        Executor.Start(Alice, "burst");
        cut.WaitForAssertion(() => Assert.Equal("running", cut.Find("[data-testid=audience-run-burst] [data-testid=run-result]").GetAttribute("data-status")));

        Handler.Finish(ActionOutcome.Succeeded(UiMessage.Verbatim("100 requests, 100 × 200")));
        cut.WaitForAssertion(() => Assert.Contains("100 requests, 100 × 200", cut.Find("[data-testid=audience-run-burst]").TextContent));
    }
}
