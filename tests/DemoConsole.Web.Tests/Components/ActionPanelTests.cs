using Bunit;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Security;
using DemoConsole.Web.Components.Panels;

namespace DemoConsole.Web.Tests.Components;

public class ActionPanelTests : ConsoleComponentTest
{
    private IRenderedComponent<ActionPanel> Render(Actor actor) => Render<ActionPanel>(p => p
        .Add(x => x.Actions, Scenario.Actions.Where(a => a.Part == 3).ToList())
        .Add(x => x.Actor, actor));

    [Fact]
    public void Render_KindNotBuiltYet_ButtonDisabledWithReason()
    {
        var cut = Render(Alice);

        Assert.True(cut.Find("[data-testid=run-kill]").HasAttribute("disabled"));
        Assert.Contains("'pod-kill' is not available", cut.Find("[data-testid=reason-kill]").TextContent);
        Assert.False(cut.Find("[data-testid=run-burst]").HasAttribute("disabled"));
    }

    [Fact]
    public void Click_Run_StartsThroughExecutorDisablesButtonThenShowsResult()
    {
        var cut = Render(Alice);

        cut.Find("[data-testid=run-burst]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=stop-burst]")));
        Assert.True(cut.Find("[data-testid=run-burst]").HasAttribute("disabled"));
        Handler.Finish(ActionOutcome.Succeeded("all good"));
        cut.WaitForAssertion(() => Assert.Contains("all good", cut.Find("[data-testid=action-burst] [data-testid=run-message]").TextContent));
        Assert.False(cut.Find("[data-testid=run-burst]").HasAttribute("disabled"));
    }

    [Fact]
    public void Click_Stop_CancelsTheRun()
    {
        var cut = Render(Alice);
        cut.Find("[data-testid=run-burst]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=stop-burst]"));

        cut.Find("[data-testid=stop-burst]").Click();

        cut.WaitForAssertion(() => Assert.Equal("cancelled", cut.Find("[data-testid=action-burst] [data-testid=run-result]").GetAttribute("data-status")));
    }

    [Fact]
    public void Render_AsViewer_EveryButtonDisabled()
    {
        var cut = Render(Actor.Viewer("audience"));

        Assert.All(cut.FindAll("button[data-testid^=run-]"), b => Assert.True(b.HasAttribute("disabled")));
        Assert.Contains("Only a presenter", cut.Find("[data-testid=reason-burst]").TextContent);
    }
}
