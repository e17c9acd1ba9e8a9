using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Tests.Scenarios;

/// <summary>The format beyond the seed: English markers, front matter and directive blocks (fixtures/english-full.md).</summary>
public sealed class ScenarioParserTests
{
    private static readonly Lazy<Scenario> English = new(() =>
    {
        var result = ScenarioParser.Parse(TestFiles.ReadFixture("english-full.md"), "english-full.md");
        Assert.Empty(result.Problems);
        return result.Scenario ?? throw new InvalidOperationException("no scenario");
    });

    private static Scenario Scenario => English.Value;

    [Fact]
    public void Parse_FrontMatter_OverridesTitleAndSetsBudgetsAndTargets()
    {
        Assert.Equal("Orbit demo", Scenario.Title);
        Assert.Equal(new ScenarioBudget(TimeSpan.FromMinutes(12), TimeSpan.FromMinutes(15)), Scenario.Budget);
        Assert.Equal(new Uri("http://127.0.0.1:8080"), Scenario.Targets.Gateway);
        Assert.Equal(["orbit-prod", "monitoring"], Scenario.Targets.Namespaces);
        Assert.Equal("orbit-prod", Scenario.Targets.ApplicationNamespace);
    }

    [Fact]
    public void Parse_PartBudgets_GivenOnesKeptAndTheRestShareWhatIsLeft()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), Scenario.FindPart(1)?.Budget);
        Assert.Equal(TimeSpan.FromMinutes(7), Scenario.FindPart(2)?.Budget);
    }

    [Fact]
    public void Parse_EnglishMarkers_FillScreenPurposeScriptCommandsAndChecks()
    {
        var part = Scenario.FindPart(1)?.Section ?? throw new InvalidOperationException("no part 1");
        Assert.Equal("Introduction", part.Title);
        Assert.Equal("slides", part.Screen);
        Assert.Equal("say what Orbit is", part.Purpose);
        Assert.Equal("\"Welcome to Orbit.\n\nIt runs **everywhere**.\"", part.Script.Single().Markdown);
        Assert.Equal("curl http://127.0.0.1:8080/health", part.Blocks.OfType<CommandBlock>().Single().Text.TrimEnd());
        Assert.Equal(["the health endpoint answers 200", "the dashboard shows traffic"], part.Blocks.OfType<CheckBlock>().Single().Items);
        Assert.Equal("Show the service", part.Blocks.OfType<NoteBlock>().First().Heading);
    }

    [Fact]
    public void Parse_InlineScriptAfterLabel_IsScript()
    {
        Assert.Equal("\"Now we break it.\"", Scenario.FindPart(2)?.Section.Script.Single().Markdown);
    }

    [Fact]
    public void Parse_Directives_BecomeActionsAndPanelsOfTheirPart()
    {
        var actions = Scenario.Actions.ToDictionary(a => a.Id);
        Assert.Null(actions["background-traffic"].Part);
        Assert.Equal("steady-traffic", actions["background-traffic"].Kind);
        Assert.Equal("10s", actions["background-traffic"].Parameters["interval"]);

        var burst = actions["error-burst"];
        Assert.Equal(2, burst.Part);
        Assert.Equal("Send 404s", burst.Title);
        Assert.Equal("404 >= 95%", burst.Expect);
        Assert.Equal("5", burst.Parameters["count"]);
        Assert.False(burst.Parameters.ContainsKey("expect"));

        var panel = Scenario.Panels.Single();
        Assert.Equal(new PanelDefinition("overview-dashboard", PanelKind.Grafana, "Overview", new Uri("http://127.0.0.1:3000/d/overview?kiosk"), 1, 54), panel);
    }

    [Fact]
    public void Parse_EnglishCollections_ReadQuestionsChecklistsPlansExtrasAndAppendix()
    {
        Assert.Equal(["Deploys in minutes", "Errors are visible at once"], Scenario.KeyMessages);
        Assert.Equal(new QuestionAnswer("q1", "Why Orbit?", "\"Because it is small.\"", 88), Scenario.Questions.Single());
        var checklist = Scenario.Checklists.Single();
        Assert.Equal("day-before", checklist.Id);
        Assert.Equal(["day-before-1", "day-before-2"], checklist.Items.Select(i => i.Id));
        Assert.Equal(["Rehearse", "Check the cluster"], checklist.Items.Select(i => i.Text));
        Assert.Equal(new EmergencyPlan("No network", "- Show the recording", 101), Scenario.EmergencyPlans.Single());
        Assert.Equal("Rollback", Scenario.ExtraItems.Single().Title);
        var appendix = Scenario.Appendix.Single();
        Assert.Equal("Latency", appendix.Title);
        Assert.Equal("- P95 target: < 100ms", appendix.Blocks.OfType<NoteBlock>().Single().Markdown);
    }

    [Fact]
    public void Parse_NoFrontMatterNoBudgetLine_UsesTwentyAndTwentyFiveMinutes()
    {
        var clean = ScenarioParser.Parse("# T\n\n## Scenario\n\n### Part 1: A\n\n**Script**: hi\n\n### Part 2: B\n\n**Script**: bye\n", "inline");
        var scenario = Assert.IsType<Scenario>(clean.Scenario);
        Assert.Equal(new ScenarioBudget(TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(25)), scenario.Budget);
        Assert.All(scenario.Parts, p => Assert.Equal(TimeSpan.FromMinutes(10), p.Budget));
    }

    [Theory]
    [InlineData("- **예상 데모 시간**: 15-18분", 15, 18)]
    [InlineData("Estimated time: 30 min", 30, 30)]
    public void Parse_BudgetLineWithoutFrontMatter_SetsTargetAndLimit(string line, int target, int limit)
    {
        var result = ScenarioParser.Parse($"# T\n\n{line}\n\n## Scenario\n\n### Part 1: A\n\n**Script**: hi\n", "inline");
        Assert.Equal(new ScenarioBudget(TimeSpan.FromMinutes(target), TimeSpan.FromMinutes(limit)), result.Scenario?.Budget);
    }

    [Fact]
    public void Parse_ExampleOfTheFormatDocument_HasNoProblems()
    {
        var doc = File.ReadAllText(TestFiles.RepositoryFile(Path.Combine("docs", "scenario-format.md")));
        var start = doc.LastIndexOf("````markdown\n", StringComparison.Ordinal) + "````markdown\n".Length;
        var example = doc[start..doc.IndexOf("\n````", start, StringComparison.Ordinal)];

        var result = ScenarioParser.Parse(example, "docs example");

        Assert.Empty(result.Problems);
        Assert.Equal(["errors-404"], result.Scenario?.Actions.Select(a => a.Id));
        Assert.Equal(["golden-signals"], result.Scenario?.Panels.Select(p => p.Id));
    }

    [Fact]
    public void Parse_PartsAsTopLevelHeadings_WithoutScenarioHeading_AreParts()
    {
        var result = ScenarioParser.Parse(TestFiles.ReadFixture("parts-at-level-two.md"), "parts-at-level-two.md");

        Assert.Empty(result.Problems);
        Assert.Equal([(1, "Hello", 3), (2, "Bye", 7)], result.Scenario?.Parts.Select(p => (p.Number, p.Title, p.Section.Line)));
        Assert.Equal("thanks", result.Scenario?.Closing?.Script.Single().Markdown);
    }

    [Fact]
    public void Parse_NoTitle_WarnsAndUsesTheFileName()
    {
        var result = ScenarioParser.Parse("## Scenario\n\n### Part 1: A\n\n**Script**: hi\n", "/tmp/rehearsal.md");
        Assert.Equal("rehearsal", result.Scenario?.Title);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((1, ProblemSeverity.Warning), (problem.Line, problem.Severity));
        Assert.Equal("no title: add a '# Title' heading or 'title:' to the front matter", problem.Message);
    }
}
