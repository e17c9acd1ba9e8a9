using Bunit;
using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Session;
using DemoConsole.Web.Components.Layout;
using DemoConsole.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;
using MudBlazor.State;

namespace DemoConsole.Web.Tests.Components;

/// <summary>The audience theme, the presenter's density and what the audience sees on a page with nothing live.</summary>
public class StageScreensTests : ConsoleComponentTest
{
    private static readonly string[] Messages = ["Commit to production without hands", "See the system as it is now"];

    public StageScreensTests() => Source.Replace(Scenario with { KeyMessages = Messages });

    [Fact]
    public void Watch_PartWithNothingLive_ShowsTheTitleKeyMessagesAndTheArchitectureBelow()
    {
        Session.GoTo(Alice, SessionPosition.ForPart(1));

        var cut = Render<Watch>();

        Assert.Contains("Part 1 · Intro", cut.Find("[data-testid=audience-title]").TextContent);
        var intro = cut.Find("[data-testid=audience-intro]");
        Assert.Equal(Messages, intro.QuerySelectorAll(".audience-message").Select(m => m.TextContent.Trim()));
        Assert.Equal(Messages.Length, intro.QuerySelectorAll("svg.audience-message-icon").Length);
        var architecture = cut.Find($"[data-testid=view-{Watch.IntroArchitectureId}]");
        Assert.Equal(ViewKinds.Architecture, architecture.GetAttribute("data-kind"));
        Assert.True(intro.CompareDocumentPosition(architecture).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
    }

    [Fact]
    public void Watch_Closing_ShowsTheKeyMessagesToo()
    {
        Session.GoTo(Alice, new SessionPosition(PageKind.Closing));

        var cut = Render<Watch>();

        Assert.Equal(Messages.Length, cut.FindAll("[data-testid=audience-intro] .audience-message").Count);
        Assert.Single(cut.FindAll("[data-kind=architecture]"));
    }

    [Fact]
    public void Watch_PartWithActions_ShowsItsOwnContentNotTheIntroduction()
    {
        Session.GoTo(Alice, SessionPosition.ForPart(3));

        var cut = Render<Watch>();

        Assert.Empty(cut.FindAll("[data-testid=audience-intro]"));
        Assert.Empty(cut.FindAll("[data-kind=architecture]"));
    }

    [Fact]
    public void Watch_PartDeclaringTheArchitecture_ShowsThatViewOnceWithTheKeyMessages()
    {
        var view = new ViewDefinition("arch", ViewKinds.Architecture, "Our platform", 1, new Dictionary<string, string>(), 12);
        var part1 = Scenario.Parts[0] with { Section = Scenario.Parts[0].Section with { Blocks = [.. Scenario.Parts[0].Section.Blocks, new ViewBlock(12, view)] } };
        Source.Replace(Scenario with { KeyMessages = Messages, Parts = [part1, .. Scenario.Parts.Skip(1)] });
        Session.GoTo(Alice, SessionPosition.ForPart(1));

        var cut = Render<Watch>();

        Assert.NotNull(cut.Find("[data-testid=audience-intro]"));
        Assert.Equal("view-arch", Assert.Single(cut.FindAll("[data-kind=architecture]")).GetAttribute("data-testid"));
    }

    [Fact]
    public void Watch_PresenterSwitchesTheTheme_AudienceFollowsLive()
    {
        var cut = Render<Watch>();
        Assert.Contains("theme-projector", cut.Find("[data-testid=audience]").ClassName);
        Assert.True(cut.FindComponent<MudThemeProvider>().Instance.GetState(x => x.IsDarkMode));

        Session.SetAudienceTheme(Alice, AudienceTheme.Light);

        cut.WaitForAssertion(() => Assert.Contains("theme-light", cut.Find("[data-testid=audience]").ClassName));
        Assert.Equal("Light", cut.Find("[data-testid=audience]").GetAttribute("data-theme"));
        Assert.False(cut.FindComponent<MudThemeProvider>().Instance.GetState(x => x.IsDarkMode));
    }

    [Fact]
    public void PresenterBar_ThemeButton_ChangesTheSessionsAudienceTheme()
    {
        var cut = RenderLayout();

        cut.Find("[data-testid=audience-theme]").Click();

        Assert.Equal(AudienceTheme.Light, Session.Snapshot.AudienceTheme);
        cut.WaitForAssertion(() => Assert.Equal("Light", cut.Find("[data-testid=audience-theme]").GetAttribute("data-theme")));
    }

    [Fact]
    public void PresenterBar_DensityButton_CyclesAndIsStoredForThisPresenterOnly()
    {
        var cut = RenderLayout();
        Assert.Contains("density-auto", cut.Find(".mud-layout").ClassName);

        cut.Find("[data-testid=presenter-density]").Click();

        Assert.Contains("density-compact", cut.Find(".mud-layout").ClassName);
        Assert.Equal(PresenterDensity.Compact, Services.GetRequiredService<PresenterPreferences>().Density("alice"));
        Assert.Equal(PresenterDensity.Auto, Services.GetRequiredService<PresenterPreferences>().Density("bob"));

        cut.Find("[data-testid=presenter-density]").Click();
        Assert.Contains("density-regular", cut.Find(".mud-layout").ClassName);
        cut.Find("[data-testid=presenter-density]").Click();
        Assert.Contains("density-auto", cut.Find(".mud-layout").ClassName);
    }

    [Fact]
    public void PresenterLayout_NewScreenOfTheSamePresenter_StartsInTheRememberedDensity()
    {
        Services.GetRequiredService<PresenterPreferences>().SetDensity("alice", PresenterDensity.Compact);

        var cut = RenderLayout();

        Assert.Contains("density-compact", cut.Find(".mud-layout").ClassName);
        Assert.Equal("Compact", cut.Find("[data-testid=presenter-density]").GetAttribute("data-density"));
    }

    private IRenderedComponent<PresenterLayout> RenderLayout() =>
        Render<PresenterLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "body"))));
}
