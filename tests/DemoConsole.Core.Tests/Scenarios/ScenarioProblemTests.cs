using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Tests.Scenarios;

/// <summary>Malformed fixtures report every problem at once, each on the line an author would fix.</summary>
public sealed class ScenarioProblemTests
{
    private const ProblemSeverity E = ProblemSeverity.Error;
    private const ProblemSeverity W = ProblemSeverity.Warning;

    public static TheoryData<string, (int Line, ProblemSeverity Severity, string Fragment)[]> Fixtures => new()
    {
        {
            "bad-directives.md",
            [
                (13, E, "invalid YAML"),
                (16, E, "missing 'id'"),
                (16, E, "missing 'title'"),
                (29, E, "duplicate id 'burst' (first declared on line 21)"),
                (38, E, "unknown panel kind 'television'"),
                (47, E, "url '/d/golden-signals' must be an absolute http or https URL"),
                (52, W, "unknown action kind 'teleport'"),
                (60, W, "'path: blog' must start with '/'"),
                (61, W, "'count: many' must be a positive whole number"),
                (62, W, "'interval: soon' must be a duration"),
                (63, W, "does not read 'metod'"),
                (64, W, "expect 'mostly fine' is not of the form"),
            ]
        },
        {
            "bad-parts.md",
            [
                (10, E, "part 3 found where part 2 was expected"),
                (15, E, "duplicate part number 3 (first used on line 10)"),
                (15, W, "part 3 '중복' has no script"),
            ]
        },
        {
            "no-parts.md",
            [(3, E, "no parts")]
        },
        {
            "bad-front-matter.md",
            [
                (3, E, "budget limit (20 min) is below the target (25 min)"),
                (4, E, "parts key 'one' is not a part number"),
                (4, E, "'parts.2' must be a positive number of minutes"),
                (5, E, "gateway 'not a url' must be an absolute http or https URL"),
                (6, W, "unknown key 'colour'"),
            ]
        },
        {
            "invalid-front-matter-yaml.md",
            [(2, E, "front matter: invalid YAML")]
        },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_MalformedFixture_ReportsEveryProblemOnItsLine(string fixture, (int Line, ProblemSeverity Severity, string Fragment)[] expected)
    {
        var result = ScenarioParser.Parse(TestFiles.ReadFixture(fixture), fixture);

        Assert.Collection(
            result.Problems,
            expected.Select(e => (Action<ScenarioProblem>)(actual =>
            {
                Assert.Equal(e.Line, actual.Line);
                Assert.Equal(e.Severity, actual.Severity);
                Assert.Contains(e.Fragment, actual.Message, StringComparison.Ordinal);
            })).ToArray());
        Assert.Null(result.Scenario);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Parse_OnlyWarnings_StillYieldsScenario()
    {
        var result = ScenarioParser.Parse(TestFiles.ReadFixture("warnings-only.md"), "warnings-only.md");

        Assert.True(result.Succeeded);
        Assert.Equal([(5, ProblemSeverity.Warning), (9, ProblemSeverity.Warning)], result.Problems.Select(p => (p.Line, p.Severity)));
        Assert.Equal("chaos-monkey", Assert.Single(result.Scenario?.Actions ?? []).Kind);
    }

    [Fact]
    public void Parse_DuplicateIdAcrossActionAndPanel_IsAnError()
    {
        var result = ScenarioParser.Parse(TestFiles.ReadFixture("duplicate-id-across-kinds.md"), "duplicate-id-across-kinds.md");

        var problem = Assert.Single(result.Problems);
        Assert.Equal((17, ProblemSeverity.Error), (problem.Line, problem.Severity));
        Assert.Contains("duplicate id 'x' (first declared on line 10)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DirectiveInQuestions_IsIgnoredWithWarning()
    {
        var result = ScenarioParser.Parse(TestFiles.ReadFixture("directive-in-questions.md"), "directive-in-questions.md");

        var problem = Assert.Single(result.Problems);
        Assert.Equal((13, ProblemSeverity.Warning), (problem.Line, problem.Severity));
        var scenario = Assert.IsType<Scenario>(result.Scenario);
        Assert.Empty(scenario.Panels);
        Assert.Equal("because", scenario.Questions.Single().AnswerMarkdown);
    }
}
