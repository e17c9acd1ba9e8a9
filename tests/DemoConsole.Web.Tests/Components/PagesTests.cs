using Bunit;
using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Session;
using DemoConsole.Web.Components.Pages;

namespace DemoConsole.Web.Tests.Components;

public class PagesTests : ConsoleComponentTest
{
    [Fact]
    public void PartPage_OpenedByUrl_MovesTheSessionAndShowsScriptActionsAndTitle()
    {
        var cut = Render<PartPage>(p => p.Add(x => x.Number, 3).AddCascadingValue(ContextFor(Alice)));

        Assert.Equal(3, Session.Snapshot.CurrentPart);
        Assert.Contains("Part 3: Monitoring", cut.Find("[data-testid=page-title]").TextContent);
        Assert.Contains("Script of part 3.", cut.Find("[data-testid=teleprompter]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=action-burst]"));
    }

    [Fact]
    public void PartPage_NextUp_NamesTheNextPartAndItsFirstActionAndNothingAfterTheLast()
    {
        var second = Render<PartPage>(p => p.Add(x => x.Number, 2).AddCascadingValue(ContextFor(Alice)));
        Assert.Equal("Part 3: Monitoring · burst", second.Find("[data-testid=next-up]").TextContent.Trim());

        var last = Render<PartPage>(p => p.Add(x => x.Number, 3).AddCascadingValue(ContextFor(Alice)));
        Assert.Empty(last.FindAll("[data-testid=next-up]"));
    }

    [Fact]
    public void PartPage_UnknownPart_SaysSoWithoutMovingTheSession()
    {
        var cut = Render<PartPage>(p => p.Add(x => x.Number, 8).AddCascadingValue(ContextFor(Alice)));

        Assert.Contains("has no part 8", cut.Markup);
        Assert.Equal(SessionPosition.Overview, Session.Snapshot.Position);
    }

    [Fact]
    public void Closing_OpenedByUrl_MovesTheSessionAndShowsTheClosingSection()
    {
        var cut = Render<Closing>(p => p.AddCascadingValue(ContextFor(Alice)));

        Assert.Equal(PageKind.Closing, Session.Snapshot.Position.Kind);
        Assert.Equal("Closing", cut.Find("[data-testid=page-title]").TextContent);
    }

    [Fact]
    public void Preparation_OpenedByUrl_MovesTheSessionAndShowsThePreparationSection()
    {
        var cut = Render<Preparation>(p => p.AddCascadingValue(ContextFor(Alice)));

        Assert.Equal(PageKind.Preparation, Session.Snapshot.Position.Kind);
        Assert.Equal("Preparation", cut.Find("[data-testid=page-title]").TextContent);
    }

    [Fact]
    public void Questions_Search_FiltersQuestionsAndAnswers()
    {
        var cut = Render<Questions>(p => p.AddCascadingValue(ContextFor(Alice)));
        Assert.Single(cut.FindAll("[data-testid^=qa-q]"));

        cut.Find("[data-testid=qa-search]").Input("Kafka");

        Assert.Empty(cut.FindAll("[data-testid^=qa-q]"));
        cut.Find("[data-testid=qa-search]").Input("mTLS");
        Assert.Single(cut.FindAll("[data-testid^=qa-q]"));
    }

    [Fact]
    public void Checklists_Tick_IsKeptInTheSessionForEveryone()
    {
        var cut = Render<Checklists>(p => p.AddCascadingValue(ContextFor(Alice)));

        cut.Find("[data-testid=check-day-of-1] input").Change(true);

        Assert.Equal("alice", Session.Snapshot.Checklist["day-of-1"].By);
    }

    [Fact]
    public void Overview_UiTextFromResources_KoreanOrEnglish()
    {
        UseLanguage("ko");
        var korean = Render<Overview>(p => p.AddCascadingValue(ContextFor(Alice)));
        UseLanguage("en");
        var english = Render<Overview>(p => p.AddCascadingValue(ContextFor(Alice)));

        Assert.Contains("예산 9분–12분 · 파트 3개", korean.Markup);
        Assert.Contains("Budget 9 min–12 min · 3 parts", english.Markup);
    }

    [Fact]
    public void Overview_ListsPartsWithBudgets()
    {
        UseLanguage("ko");
        var cut = Render<Overview>(p => p.AddCascadingValue(ContextFor(Alice)));

        var rows = cut.FindAll("[data-testid=parts-table] tbody tr");
        Assert.Equal(3, rows.Count);
        Assert.Contains("3분", rows[0].TextContent);
        Assert.Contains("kubeconfig /etc/demo/kubeconfig, context stage (Kubeconfig)", cut.Find("[data-testid=cluster-mode]").TextContent);
    }

    [Fact]
    public void SectionNotes_CommandBlock_HasACopyButton()
    {
        var module = JSInterop.SetupModule("./js/clipboard.js");
        module.Setup<bool>("copy", "kubectl get pods -n titanium-prod").SetResult(true);
        var cut = Render<DemoConsole.Web.Components.Panels.SectionNotes>(p => p.Add(x => x.Blocks,
            [new CommandBlock(1, "bash", "kubectl get pods -n titanium-prod"), new CheckBlock(2, ["RPS 급증"])]));

        cut.Find("[data-testid=copy-command]").Click();

        Assert.Contains(module.Invocations, i => i.Identifier == "copy");
        Assert.Contains("RPS 급증", cut.Find("[data-testid=checks]").TextContent);
    }
}
