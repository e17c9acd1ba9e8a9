using System.Text.RegularExpressions;
using System.Xml.Linq;
using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Session;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>
/// The whole scenario walked in each UI language, presenter and audience, page by page: the page's language is
/// declared (html lang), and apart from the scenario's own content nothing of the other language is on screen: no
/// Hangul on an English screen, no English UI sentence (from UiText.en / CoreText) on a Korean one.
/// </summary>
public sealed partial class LanguageWalkTests
{
    /// <summary>
    /// UI language × scenario file (null: the built-in one). An English scenario joins as
    /// <c>[InlineData("en", "path/to/english.md")]</c>: its content is then subtracted the same way.
    /// </summary>
    [Theory]
    [InlineData("en", null)]
    [InlineData("ko", null)]
    public async Task WholeScenario_PresenterAndAudience_ShowOnlyTheUiLanguage(string language, string? scenarioPath)
    {
        await using var factory = new ConsoleWebFactory().With("DemoConsole:Language", language).With("DemoConsole:ScenarioPath", scenarioPath);
        var address = factory.StartKestrel();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserFixture.LaunchChromiumAsync(playwright);
        var presenter = await BrowserFixture.PresenterPageAsync(browser, address, "alice");
        var audience = await BrowserFixture.AudiencePageAsync(browser, address);
        var scenario = factory.Services.GetRequiredService<IScenarioSource>().Current.Scenario;
        var content = ScenarioContent(scenario);
        var problems = new List<string>();
        var ownLanguageSeen = 0;

        foreach (var page in SessionPosition.Sequence(scenario))
        {
            await presenter.GotoAsync(page.PresenterPath);
            await BrowserFixture.WaitForInteractiveAsync(presenter);
            await Assertions.Expect(audience.GetByTestId("audience")).ToHaveAttributeAsync("data-page", page.PresenterPath);
            if (page.Kind is PageKind.Part or PageKind.Overview)
            {
                await Screenshots.SaveAsync(presenter, audience, $"language-{language}-{page.PresenterPath.Replace('/', '_')}");
            }

            foreach (var (screen, where) in new[] { (presenter, page.PresenterPath), (audience, $"audience {page.PresenterPath}") })
            {
                var (other, own) = await CheckAsync(screen, language, content, where);
                problems.AddRange(other);
                ownLanguageSeen += own ? 1 : 0;
            }
        }

        foreach (var path in new[] { "/present/preflight", "/present/runs", "/present/report", "/present/reference" })
        {
            await presenter.GotoAsync(path);
            await BrowserFixture.WaitForInteractiveAsync(presenter);
            var (other, own) = await CheckAsync(presenter, language, content, path);
            problems.AddRange(other);
            ownLanguageSeen += own ? 1 : 0;
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        // The check reads the screens: most of them show UI text of their own language once the scenario's is taken away.
        Assert.True(ownLanguageSeen >= SessionPosition.Sequence(scenario).Count, $"only {ownLanguageSeen} screens showed {language} UI text");
    }

    /// <returns>Text of the other language on the screen, and whether UI text of its own language is there at all.</returns>
    private static async Task<(IEnumerable<string> Other, bool OwnSeen)> CheckAsync(IPage page, string language, IReadOnlyList<string> content, string where)
    {
        Assert.Equal(language, await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        // The scenario's own Markdown (script, notes, answers, overview) and commands are its content, whatever they say.
        var text = await page.EvaluateAsync<string>("""
            () => {
                const copy = document.body.cloneNode(true);
                copy.querySelectorAll('.markdown, pre, code, script, style, .reconnect').forEach(e => e.remove());
                return copy.innerText;
            }
            """);
        foreach (var piece in content.OrderByDescending(c => c.Length))
        {
            text = text.Replace(piece, " ", StringComparison.Ordinal);
        }

        var english = EnglishUi.Where(phrase => text.Contains(phrase, StringComparison.Ordinal)).ToList();
        var hangul = Hangul().Matches(text).ToList();
        return language == "en"
            ? (hangul.Select(m => $"{where}: Hangul on an English screen: '{Around(text, m.Index)}'").ToList(), english.Count > 0 || Words().IsMatch(text))
            : (english.Select(phrase => $"{where}: English UI text on a Korean screen: '{phrase}'").ToList(), hangul.Count > 0);
    }

    /// <summary>Every text the scenario itself puts on a screen (titles, labels, buttons, list items), apart from its Markdown.</summary>
    private static List<string> ScenarioContent(Scenario scenario)
    {
        var pieces = new List<string> { scenario.Title };
        pieces.AddRange(scenario.KeyMessages);
        foreach (var section in scenario.AllSections.Concat(scenario.EmergencyPlans.Select(p => new ScenarioSection { Title = p.Title, Line = 0 })))
        {
            pieces.AddRange([section.Title, section.Screen ?? "", section.Purpose ?? ""]);
            foreach (var block in section.Blocks)
            {
                pieces.AddRange(block switch
                {
                    ActionBlock a => [a.Action.Title, a.Action.Expect ?? ""],
                    PanelBlock p => [p.Panel.Title],
                    ViewBlock v => [v.View.Title],
                    CheckBlock c => c.Items,
                    NoteBlock n => [n.Heading ?? ""],
                    _ => [],
                });
            }
        }

        pieces.AddRange(scenario.Parts.Select(p => p.Label));
        pieces.AddRange(scenario.Checklists.SelectMany(c => c.Items.Select(i => i.Text).Append(c.Title)));
        pieces.AddRange(scenario.Questions.Select(q => q.Question));
        return [.. pieces.Where(p => p.Trim().Length > 0).Select(p => p.Trim()).Distinct()];
    }

    /// <summary>
    /// The English UI's sentences: the fixed parts of every UiText.en and CoreText value of two words or more that the
    /// Korean text does not share (technical words such as "Ready" or "GitHub" are the same in both).
    /// </summary>
    private static readonly IReadOnlyList<string> EnglishUi = LoadEnglishUi();

    private static List<string> LoadEnglishUi()
    {
        static IEnumerable<string> Values(string path) =>
            XDocument.Load(Path.Combine(RepoPaths.RepoRoot, path)).Root!.Elements("data").Select(d => (string)d.Element("value")!);

        var korean = Values("src/DemoConsole.Web/Resources/UiText.resx").Concat(Values("src/DemoConsole.Core/Messages/CoreText.ko.resx")).ToList();
        return [.. Values("src/DemoConsole.Web/Resources/UiText.en.resx").Concat(Values("src/DemoConsole.Core/Messages/CoreText.resx"))
            .SelectMany(v => Placeholder().Split(v))
            .Select(s => s.Trim(' ', '.', ',', ':', ';', '(', ')', '·', '–', '"', '\''))
            .Where(s => s.Contains(' ', StringComparison.Ordinal) && s.Count(char.IsLetter) >= 6 && !korean.Any(k => k.Contains(s, StringComparison.Ordinal)))
            .Distinct()];
    }

    private static string Around(string text, int index) =>
        text.Substring(Math.Max(0, index - 30), Math.Min(60, text.Length - Math.Max(0, index - 30))).ReplaceLineEndings(" ");

    [GeneratedRegex(@"[\uAC00-\uD7A3]+")]
    private static partial Regex Hangul();

    [GeneratedRegex(@"\b(?:Previous page|Stop|Start|Pause|Resume|Take control|You drive|Nobody drives yet)\b")]
    private static partial Regex Words();

    [GeneratedRegex(@"\{\d+[^}]*\}")]
    private static partial Regex Placeholder();
}
