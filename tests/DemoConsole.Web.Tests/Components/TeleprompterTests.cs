using Bunit;
using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Session;
using DemoConsole.Web.Components.Panels;
using Microsoft.Extensions.DependencyInjection;

namespace DemoConsole.Web.Tests.Components;

public class TeleprompterTests : ConsoleComponentTest
{
    private IRenderedComponent<Teleprompter> Render(string presenter = "alice") => Render<Teleprompter>(p => p
        .Add(x => x.Script, [new ScriptBlock(1, "안녕하세요. **Titanium** 플랫폼을 소개합니다."), new ScriptBlock(3, "둘째 문단.")])
        .Add(x => x.Presenter, presenter));

    [Fact]
    public void Render_ScriptBlocks_ShowsMarkdownAsHtml()
    {
        var cut = Render();

        var text = cut.Find("[data-testid=prompter-text]");
        Assert.Contains("<strong>Titanium</strong>", text.InnerHtml);
        Assert.Contains("둘째 문단.", text.TextContent);
    }

    [Fact]
    public void FontSize_Changed_IsAppliedAndRememberedForThatPresenter()
    {
        var cut = Render();

        cut.Find("[data-testid=prompter-font]").Change("40");

        Assert.Contains("font-size: 40px", cut.Find("[data-testid=prompter-text]").GetAttribute("style"));
        var preferences = Services.GetRequiredService<PresenterPreferences>();
        Assert.Equal(40, preferences.Teleprompter("alice").FontSize);
        Assert.Equal(TeleprompterSettings.Default.FontSize, preferences.Teleprompter("bob").FontSize);
    }

    [Fact]
    public void FontSize_OutOfRange_IsClamped()
    {
        var cut = Render();

        cut.Find("[data-testid=prompter-font]").Change("500");

        Assert.Contains($"font-size: {TeleprompterSettings.MaxFontSize}px", cut.Find("[data-testid=prompter-text]").GetAttribute("style"));
    }

    [Fact]
    public void Mirror_Toggled_MirrorsTheTextAndSurvivesARerender()
    {
        var cut = Render();

        cut.Find("[data-testid=prompter-mirror]").Change(true);

        Assert.Contains("mirrored", cut.Find("[data-testid=prompter-text]").ClassName);
        var again = Render();
        Assert.Contains("mirrored", again.Find("[data-testid=prompter-text]").ClassName);
    }

    [Fact]
    public void Play_Clicked_StartsAutoScrollInTheBrowser()
    {
        var module = JSInterop.SetupModule("./js/teleprompter.js");
        module.Mode = JSRuntimeMode.Loose;
        var cut = Render();

        cut.Find("[data-testid=prompter-play]").Click();

        Assert.Contains(module.Invocations, i => i.Identifier == "attach");
        Assert.Contains(module.Invocations, i => i.Identifier == "play");
    }

    [Fact]
    public void Script_ChangesToTheNextPart_ScrollsBackToTheTopOnce()
    {
        var module = JSInterop.SetupModule("./js/teleprompter.js");
        module.Mode = JSRuntimeMode.Loose;
        var cut = Render();

        cut.Render(p => p.Add(x => x.Script, [new ScriptBlock(1, "안녕하세요. **Titanium** 플랫폼을 소개합니다."), new ScriptBlock(3, "둘째 문단.")]));
        Assert.DoesNotContain(module.Invocations, i => i.Identifier == "reset");

        cut.Render(p => p.Add(x => x.Script, [new ScriptBlock(9, "다음 부분.")]));
        Assert.Single(module.Invocations, i => i.Identifier == "reset");
    }
}
