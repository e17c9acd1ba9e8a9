using System.Xml.Linq;
using DemoConsole.Tests.Shared;

namespace DemoConsole.Web.Tests.Localization;

/// <summary>UiText in both languages: the same keys, the same arguments, no English left in the Korean file's values.</summary>
public sealed class UiTextResourceTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.RepoRoot, "src", "DemoConsole.Web", "Resources");

    [Fact]
    public void BothLanguages_SameKeys_SameArguments()
    {
        var korean = Entries("UiText.resx");
        var english = Entries("UiText.en.resx");

        Assert.Equal(korean.Keys.Order(StringComparer.Ordinal), english.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, text) in korean)
        {
            Assert.True(Placeholders(text).SetEquals(Placeholders(english[key])), $"{key}: '{text}' and '{english[key]}' take different arguments");
        }
    }

    [Fact]
    public void EnglishFile_HasNoHangul()
    {
        var withHangul = Entries("UiText.en.resx").Where(e => UiLiteralScanner.HasHangul(e.Value)).Select(e => e.Key).ToList();

        Assert.Empty(withHangul);
    }

    private static Dictionary<string, string> Entries(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    private static HashSet<string> Placeholders(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{(\d+)").Select(m => m.Groups[1].Value)];
}
