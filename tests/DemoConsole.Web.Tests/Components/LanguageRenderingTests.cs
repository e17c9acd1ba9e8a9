using Bunit;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Cluster;
using DemoConsole.Core.Messages;
using DemoConsole.Core.StopAll;
using DemoConsole.Tests.Shared;
using DemoConsole.Web.Components.Controls;
using DemoConsole.Web.Components.Pages;
using DemoConsole.Web.Hosting;

namespace DemoConsole.Web.Tests.Components;

/// <summary>
/// One screen, two languages: the component's own text from UiText, Core's messages from CoreText, and times and
/// numbers in the culture of the language; nothing of the other language on the screen.
/// </summary>
public sealed class LanguageRenderingTests : ConsoleComponentTest
{
    private static readonly DateTimeOffset Afternoon = new(2026, 3, 4, 15, 7, 9, TimeSpan.Zero);

    [Theory]
    [InlineData("en", "By alice at {0}; took 1,234 ms.", "Stopped (0)")]
    [InlineData("ko", "alice, {0}에 요청, 1,234 ms 걸림.", "멈춘 것 (0)")]
    public void StopReport_TextTimesAndNumbers_InTheLanguage(string language, string byLine, string heading)
    {
        UseLanguage(language);
        var local = Afternoon.ToLocalTime();
        var report = new StopReport("alice", local, TimeSpan.FromMilliseconds(1234), null, [], [], [], [], []);

        var cut = Render<StopReportView>(p => p.Add(x => x.Report, report));

        // "3:07:09 PM" in English, "오후 3:07:09" in Korean (at UTC).
        var time = local.ToString("T", ConsoleLanguage.FormatCulture(language));
        Assert.Contains(heading, cut.Markup, StringComparison.Ordinal);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, byLine, time), cut.Find(".mud-typography-caption").TextContent, StringComparison.Ordinal);
        AssertOnlyLanguage(language, cut.Markup);
    }

    [Theory]
    [InlineData("en", "Pods in titanium-prod Running and Ready", "1 of 2 pods not Running and Ready: web-1 (Pending, 0/1).", "1 of 1 checks passed")]
    [InlineData("ko", "titanium-prod의 파드가 Running이고 Ready", "파드 2개 중 1개가 Running이고 Ready가 아닙니다: web-1 (Pending, 0/1).", "점검 1개 중 1개 통과")]
    public void Preflight_CoreResults_RenderedInTheScreensLanguage(string language, string name, string detail, string summary)
    {
        Preflight.Results = [new PreflightResult("pods:titanium-prod", new UiMessage("Preflight_Pods", "titanium-prod"), true,
            new UiMessage("Preflight_PodsNotReady", 1, 2, "web-1 (Pending, 0/1)"), Afternoon)];
        UseLanguage(language);

        var cut = Render<Preflight>();
        cut.Find("[data-testid=run-preflight]").Click();

        cut.WaitForAssertion(() => Assert.Contains(summary, cut.Find("[data-testid=preflight-summary]").TextContent, StringComparison.Ordinal));
        var result = cut.Find("[data-testid='preflight-pods:titanium-prod']").TextContent;
        Assert.Contains(name, result, StringComparison.Ordinal);
        Assert.Contains(detail, result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "bob is driving. Take control to drive.")]
    [InlineData("ko", "bob이(가) 진행 중입니다. 진행하려면 진행 맡기를 누르세요.")]
    public void SessionRefusal_InTheScreensLanguage(string language, string expected)
    {
        UseLanguage(language);
        Session.Connect("a", Alice);
        Session.Connect("b", DemoConsole.Core.Security.Actor.Presenter("bob"));
        Session.TakeControl(DemoConsole.Core.Security.Actor.Presenter("bob"));

        var refused = Session.GoTo(Alice, Core.Session.SessionPosition.ForPart(2));

        Assert.Equal(expected, refused.Describe());
    }

    /// <summary>English words of UI text on a Korean screen, or Hangul on an English one (component-level check).</summary>
    private static void AssertOnlyLanguage(string language, string markup)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(markup, "<[^>]+>", " ");
        if (language == "en")
        {
            Assert.DoesNotContain(text, c => c is >= '\uAC00' and <= '\uD7A3');
        }
        else
        {
            Assert.DoesNotMatch(@"\b(?:Stopped|Nothing|Removed|Already|took|By)\b", text);
        }
    }
}
