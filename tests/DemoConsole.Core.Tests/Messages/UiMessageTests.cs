using System.Globalization;
using System.Xml.Linq;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Session;
using DemoConsole.Tests.Shared;

namespace DemoConsole.Core.Tests.Messages;

/// <summary>Core's messages are rendered when shown, in the reader's language, from CoreText (English) and CoreText.ko.</summary>
public sealed class UiMessageTests
{
    private static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void Format_SameMessage_InEachLanguage_ToStringIsEnglish()
    {
        var message = new UiMessage("Session_OtherDrives", "bob");

        Assert.Equal("bob is driving. Take control to drive.", message.Format(English));
        Assert.Equal("bob이(가) 진행 중입니다. 진행하려면 진행 맡기를 누르세요.", message.Format(Korean));
        Assert.Equal("bob is driving. Take control to drive.", message.ToString());
    }

    [Fact]
    public void Format_NumbersInTheCultureOfTheLanguage_NestedMessagesInTheSameLanguage()
    {
        var timeout = new UiMessage("Preflight_Timeout", 10.0);
        var nested = new UiMessage("Preflight_GitHubMissing", new UiMessage("Session_NotConnected", "carol"));

        Assert.Equal("No answer within 10 s.", timeout.Format(English, CultureInfo.GetCultureInfo("en-US")));
        Assert.Equal("10초 안에 응답이 없습니다.", timeout.Format(Korean, CultureInfo.GetCultureInfo("ko-KR")));
        Assert.Equal("없음: carol은(는) 접속해 있지 않습니다.", nested.Format(Korean));
    }

    [Fact]
    public void Format_AListOfMessages_IsJoinedInTheSameLanguage()
    {
        var refused = new UiMessage("Load_PlanRefused", new List<UiMessage> { new("Load_NoPlan"), new("Load_CountOrDuration") });

        Assert.Equal("부하 계획이 거부되었습니다: 부하 계획이 주어지지 않았습니다; count와 duration 중 하나만 지정하세요", refused.Format(Korean));
        Assert.Equal("Load plan refused: no load plan was given; give either a count or a duration, not both", refused.ToString());
    }

    [Fact]
    public void Format_UnknownKey_Throws()
    {
        Assert.Throws<System.Resources.MissingManifestResourceException>(() => new UiMessage("No_Such_Key").Format(English));
    }

    [Fact]
    public void CommandResult_Refusal_KeepsTheMessageAndItsEnglishText()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = Korean;
            var refused = CommandResult.Refused(new UiMessage("Session_PresenterOnly"));

            Assert.Equal("Only a presenter can change the demo.", refused.Error);
            Assert.Equal("발표자만 데모를 바꿀 수 있습니다.", refused.Describe());
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void CoreText_BothLanguagesHaveTheSameKeys_AndTheSameArguments()
    {
        var folder = Path.Combine(RepoPaths.RepoRoot, "src", "DemoConsole.Core", "Messages");
        var english = Entries(Path.Combine(folder, "CoreText.resx"));
        var korean = Entries(Path.Combine(folder, "CoreText.ko.resx"));

        Assert.Equal(english.Keys.Order(), korean.Keys.Order());
        foreach (var (key, text) in english)
        {
            Assert.True(Placeholders(text).SetEquals(Placeholders(korean[key])), $"{key}: '{text}' and '{korean[key]}' take different arguments");
        }
    }

    internal static Dictionary<string, string> Entries(string resx) =>
        XDocument.Load(resx).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    internal static HashSet<string> Placeholders(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{(\d+)").Select(m => m.Groups[1].Value)];
}
