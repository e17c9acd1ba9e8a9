using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Tests.Scenarios;

/// <summary>The front matter's <c>language:</c> says which language the scenario is written in; the UI follows it.</summary>
public sealed class ScenarioLanguageTests
{
    private const string Body = "\n# Demo\n\n## Scenario\n\n### Part 1: Intro\n\n**Script**: \"Hello.\"\n";

    [Theory]
    [InlineData("en", "en")]
    [InlineData("ko", "ko")]
    [InlineData("EN", "en")]
    public void Parse_Language_IsKept(string written, string expected)
    {
        var result = ScenarioParser.Parse($"---\nlanguage: {written}\n---{Body}", "s.md");

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(expected, result.Scenario!.Language);
    }

    [Fact]
    public void Parse_NoLanguage_IsNull()
    {
        var result = ScenarioParser.Parse($"---\ntitle: Demo\n---{Body}", "s.md");

        Assert.Null(result.Scenario!.Language);
    }

    [Fact]
    public void Parse_UnsupportedLanguage_IsAnErrorOnItsLine()
    {
        var result = ScenarioParser.Parse($"---\ntitle: Demo\nlanguage: fr\n---{Body}", "s.md");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.Contains("language 'fr' is not one of ko, en", problem.Message, StringComparison.Ordinal);
    }
}
