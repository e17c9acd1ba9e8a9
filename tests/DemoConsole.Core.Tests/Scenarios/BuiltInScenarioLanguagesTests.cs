using System.Text.RegularExpressions;
using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Tests.Scenarios;

/// <summary>
/// The English built-in scenario is the Korean one in other words: same parts and budgets, same actions, panels and
/// views with the same parameters, same commands, same checklists, questions, plans, extra items and thresholds.
/// Only prose and titles may differ.
/// </summary>
public sealed partial class BuiltInScenarioLanguagesTests
{
    private static readonly Scenario Korean = DefaultScenario.Load("ko");
    private static readonly Scenario English = DefaultScenario.Load("en");

    // Parameters that are prose (shown to people), not behaviour.
    private static readonly HashSet<string> ProseParameters = ["title", "message"];

    [Theory]
    [InlineData("ko")]
    [InlineData("en")]
    public void Parse_EachBuiltInScenario_HasNoProblemsAtAll(string language)
    {
        var result = ScenarioParser.Parse(DefaultScenario.MarkdownOf(language), DefaultScenario.SourceNameOf(language));

        Assert.Empty(result.Problems);
        Assert.Equal(DefaultScenario.SourceNameOf(language), result.Scenario!.Source);
    }

    [Fact]
    public void Load_ByLanguage_PicksTheScenarioWrittenInIt()
    {
        Assert.Same(DefaultScenario.Load(), Korean);
        Assert.Same(Korean, DefaultScenario.Load(null));
        Assert.Same(Korean, DefaultScenario.Load("fr"));
        Assert.Same(English, DefaultScenario.Load("EN"));
        Assert.Equal("Titanium Cloud-Native Platform v2.0 Live Demo", English.Title);
        Assert.Equal(["Part 1", "Part 2", "Part 3", "Part 4", "Part 5", "Part 6"], English.Parts.Select(p => p.Label));
        Assert.Equal(["1부", "2부", "3부", "4부", "5부", "6부"], Korean.Parts.Select(p => p.Label));
        Assert.DoesNotMatch(Hangul(), DefaultScenario.MarkdownOf("en"));
    }

    [Fact]
    public void English_HasTheKoreanPartsBudgetsAndTargets()
    {
        Assert.Equal(Korean.Budget, English.Budget);
        Assert.Equal(Korean.Parts.Select(p => (p.Number, p.Budget)), English.Parts.Select(p => (p.Number, p.Budget)));
        Assert.Equal(Korean.Parts.Select(p => p.Section.Script.Count()), English.Parts.Select(p => p.Section.Script.Count()));
        Assert.Equal(Korean.Parts.Select(p => p.Section.Screen is null), English.Parts.Select(p => p.Section.Screen is null));
        Assert.Equal(Korean.Parts.Select(p => p.Section.Purpose is null), English.Parts.Select(p => p.Section.Purpose is null));
        Assert.Equal(Korean.KeyMessages.Count, English.KeyMessages.Count);
        Assert.Equal(Korean.Targets.Gateway, English.Targets.Gateway);
        Assert.Equal(Korean.Targets.Namespaces, English.Targets.Namespaces);
        Assert.Equal(Korean.Targets.ApplicationNamespace, English.Targets.ApplicationNamespace);
        Assert.Equal(Korean.Metrics, English.Metrics);
    }

    [Fact]
    public void English_DeclaresTheSameActionsPanelsAndViewsWhereTheKoreanDoes()
    {
        Assert.Equal(Korean.Actions.Select(a => (a.Id, a.Kind, a.Part, a.Expect, Behaviour(a.Parameters))),
            English.Actions.Select(a => (a.Id, a.Kind, a.Part, a.Expect, Behaviour(a.Parameters))));
        Assert.Equal(Korean.Panels.Select(p => (p.Id, p.Kind, p.Part, p.Url, p.Fallback)),
            English.Panels.Select(p => (p.Id, p.Kind, p.Part, p.Url, p.Fallback)));
        Assert.Equal(Korean.Views.Select(v => (v.Id, v.Kind, v.Part, Behaviour(v.Parameters))),
            English.Views.Select(v => (v.Id, v.Kind, v.Part, Behaviour(v.Parameters))));
        Assert.Equal(Sections(Korean).Select(DirectiveIds), Sections(English).Select(DirectiveIds));
    }

    [Fact]
    public void English_RunsTheSameCommandsInTheSameSections()
    {
        Assert.Equal(Sections(Korean).Select(Commands), Sections(English).Select(Commands));
        Assert.NotEmpty(Sections(English).SelectMany(Commands));
    }

    [Fact]
    public void English_HasTheSameChecklistsQuestionsPlansExtrasAndAppendix()
    {
        Assert.Equal(Korean.Checklists.Select(c => c.Items.Count), English.Checklists.Select(c => c.Items.Count));
        Assert.Equal(Korean.Questions.Select(q => q.Id), English.Questions.Select(q => q.Id));
        Assert.Equal(Korean.EmergencyPlans.Count, English.EmergencyPlans.Count);
        Assert.Equal(Korean.ExtraItems.Select(DirectiveIds), English.ExtraItems.Select(DirectiveIds));
        Assert.Equal(Korean.Appendix.Count, English.Appendix.Count);
        Assert.Equal(Korean.Preparation is null, English.Preparation is null);
        Assert.Equal(Korean.Closing?.Script.Count(), English.Closing?.Script.Count());
    }

    [Fact]
    public void English_AppendixKeepsTheThresholdsOfTheKorean()
    {
        // The figures presenters quote (ms, %, replicas) are the same numbers in both languages.
        Assert.Equal(Numbers(Korean.Appendix), Numbers(English.Appendix));
    }

    private static IEnumerable<ScenarioSection> Sections(Scenario scenario) => scenario.AllSections;

    private static string DirectiveIds(ScenarioSection section) =>
        string.Join(",", section.Blocks.Select(b => b switch
        {
            ActionBlock a => "action:" + a.Action.Id,
            PanelBlock p => "panel:" + p.Panel.Id,
            ViewBlock v => "view:" + v.View.Id,
            _ => null,
        }).OfType<string>());

    private static string Behaviour(IReadOnlyDictionary<string, string> parameters) =>
        string.Join(";", parameters.Where(p => !ProseParameters.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    /// <summary>The commands as a shell runs them: comments, echoed text and quoted messages are prose.</summary>
    private static IEnumerable<string> Commands(ScenarioSection section) =>
        section.Blocks.OfType<CommandBlock>().Select(c => string.Join("\n", c.Text.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("echo ", StringComparison.Ordinal))
            .Select(l => Quoted().Replace(l, "\"\""))));

    private static IEnumerable<string> Numbers(IEnumerable<ScenarioSection> sections) =>
        sections.SelectMany(s => s.Blocks).OfType<NoteBlock>()
            .SelectMany(n => Number().Matches(n.Markdown).Select(m => m.Value));

    [GeneratedRegex(@"\p{IsHangulSyllables}")]
    private static partial Regex Hangul();

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex Number();
}
