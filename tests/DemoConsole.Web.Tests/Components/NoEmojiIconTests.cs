using System.Text;
using DemoConsole.Tests.Shared;

namespace DemoConsole.Web.Tests.Components;

/// <summary>
/// Icons come from MudBlazor's icon set (SVG). A symbol or emoji character (a check mark, a ballot box, a monitor)
/// needs a font the projector laptop may not have, and shows as a box there.
/// </summary>
public class NoEmojiIconTests
{
    private static readonly string[] Extensions = [".razor", ".cs", ".css", ".js", ".resx"];

    [Fact]
    public void WebSources_ContainNoSymbolOrEmojiCharacters()
    {
        var web = Path.Combine(RepoPaths.RepoRoot, "src", "DemoConsole.Web");
        var found = Directory.EnumerateFiles(web, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f)) && !IsBuildOutput(web, f))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(web, f), Line: i + 1, Text: line)))
            .Where(l => l.Text.EnumerateRunes().Any(NeedsAnEmojiFont))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Theory]
    [InlineData("\u2713", true)]
    [InlineData("\u2611", true)]
    [InlineData("\U0001F5A5", true)]
    [InlineData("\u2192", false)]
    [InlineData("\u00B7", false)]
    [InlineData("가", false)]
    public void NeedsAnEmojiFont_TellsSymbolsFromText(string text, bool expected) =>
        Assert.Equal(expected, NeedsAnEmojiFont(text.EnumerateRunes().First()));

    // Miscellaneous symbols and dingbats (U+2600-27BF), supplemental symbols (U+2B00-2BFF), the emoji planes and the
    // emoji presentation selector. Arrows, bullets and geometric shapes are ordinary text in every UI font.
    private static bool NeedsAnEmojiFont(Rune rune) =>
        rune.Value is >= 0x2600 and <= 0x27BF or >= 0x2B00 and <= 0x2BFF or >= 0x1F000 and <= 0x1FAFF or 0xFE0F;

    private static bool IsBuildOutput(string root, string file) =>
        Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj";
}
