using Bunit;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Security;
using DemoConsole.Tests.Shared;
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
        Handler.Finish(ActionOutcome.Succeeded(UiMessage.Verbatim("all good")));
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

    [Fact]
    public void Click_KindThatAsksFirst_PreviewsOnceHoweverOftenThePanelReRendersAndConfirmRunsThatPreview()
    {
        var cut = Render(Alice);
        cut.Find("[data-testid=run-restart]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Preview 1 of restart", cut.Find("[data-testid=confirm-text-restart]").TextContent));

        // Another action's live figures re-render the panel while the confirmation is open.
        cut.Find("[data-testid=run-burst]").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=stop-burst]")));
        Handler.Finish(ActionOutcome.Succeeded(UiMessage.Verbatim("burst done")));
        cut.WaitForAssertion(() => Assert.Contains("burst done", cut.Find("[data-testid=action-burst]").TextContent));
        cut.Render();

        Assert.Equal(1, Confirming.Previews);
        Assert.Equal("Preview 1 of restart", cut.Find("[data-testid=confirm-text-restart]").TextContent);
        cut.Find("[data-testid=confirm-run-restart]").Click();
        cut.WaitForAssertion(() => Assert.Contains("running", cut.Find("[data-testid=action-restart] [data-testid=run-result]").GetAttribute("data-status")));
        Assert.Equal(1, Assert.IsType<GatedProgress>(Executor.Board.LatestForAction("restart")!.Result).Pin);
        Assert.Empty(cut.FindAll("[data-testid=confirm-restart]"));
    }

    [Fact]
    public void Click_CancelOnAConfirmation_ClosesItAndRunsNothing()
    {
        var cut = Render(Alice);
        cut.Find("[data-testid=run-restart]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=confirm-text-restart]"));
        cut.Find("[data-testid=confirm-cancel-restart]").Click();

        Assert.Empty(cut.FindAll("[data-testid=confirm-restart]"));
        Assert.Equal(0, Confirming.Runs);
    }
}
