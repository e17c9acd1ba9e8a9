using DemoConsole.Core.Actions.Kinds;
using DemoConsole.Core.Actions.Load;
using DemoConsole.Core.Cluster.Actions;
using DemoConsole.Core.Pipeline;
using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Tests.Scenarios;

public sealed class DefaultScenarioTests
{
    private static Scenario Scenario => DefaultScenario.Load();

    private static ActionDefinition Action(string id) =>
        Scenario.Actions.SingleOrDefault(a => a.Id == id) ?? throw new InvalidOperationException($"no action '{id}'");

    [Fact]
    public void Parse_DefaultMarkdown_HasNoProblemsAtAll()
    {
        var result = ScenarioParser.Parse(DefaultScenario.Markdown, DefaultScenario.SourceName);

        Assert.Empty(result.Problems);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Load_Default_HasTheSeedsSixPartsAndBudgets()
    {
        Assert.Equal(DefaultScenario.SourceName, Scenario.Source);
        Assert.Equal(new ScenarioBudget(TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(25)), Scenario.Budget);
        Assert.Equal(
            ["프로젝트 소개", "CI/CD 파이프라인 시연", "모니터링 시스템 시연", "보안 및 서비스 메시", "에러 시나리오 및 모니터링", "고가용성 및 자동 복구"],
            Scenario.Parts.Select(p => p.Title));
        Assert.Equal(TimeSpan.FromMinutes(20), Scenario.Parts.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Budget));
        Assert.All(Scenario.Parts, p => Assert.NotEmpty(p.Section.Script));
        Assert.Equal(6, Scenario.Questions.Count);
        Assert.Equal(4, Scenario.Checklists.Count);
        Assert.Equal([5, 7, 4, 3], Scenario.Checklists.Select(c => c.Items.Count));
        Assert.Equal(3, Scenario.EmergencyPlans.Count);
        // The seed's four extra items, and the rehearsal of emergency plan 2 with the sandbox's faults.
        Assert.Equal(5, Scenario.ExtraItems.Count);
        Assert.Contains(Scenario.Appendix, s => s.Blocks.OfType<NoteBlock>().Any(n => n.Markdown.Contains("위험: > 200ms", StringComparison.Ordinal)));
    }

    [Fact]
    public void Load_Default_TargetsTheTitaniumNamespaces()
    {
        Assert.Equal(new Uri("http://127.0.0.1:31304"), Scenario.Targets.Gateway);
        Assert.Equal("titanium-prod", Scenario.Targets.ApplicationNamespace);
        Assert.Equal(["titanium-prod", "istio-system", "monitoring", "argocd"], Scenario.Targets.Namespaces);
    }

    [Fact]
    public void Load_Default_DeclaresTheActionsOfEachPart()
    {
        Assert.Equal(
            ["load-generator-apply", "background-traffic", "load-generator-delete", "demo-commit", "traffic-burst",
             "errors-404", "errors-405", "errors-recovery", "kill-blog-pod", "availability-check",
             "gateway-rollout-restart", "gateway-rollout-undo", "blog-crash-loop", "blog-heal"],
            Scenario.Actions.Select(a => a.Id));
        Assert.All(Scenario.Actions, a => Assert.Contains(a.Kind, ActionKindCatalog.Names));

        var burst = Action("traffic-burst");
        Assert.Equal((LoadKinds.LoadBurst.Name, 3, "200 >= 95%"), (burst.Kind, burst.Part, burst.Expect));
        Assert.Equal(("GET", "/blog/", "100", "50ms"), (burst.Parameters["method"], burst.Parameters["path"], burst.Parameters["count"], burst.Parameters["interval"]));

        var background = Action("background-traffic");
        Assert.Equal((LoadKinds.SteadyTraffic.Name, (int?)null, "/blog/", "10s"), (background.Kind, background.Part, background.Parameters["path"], background.Parameters["interval"]));

        AssertSequence("errors-404", "GET", "/nonexistent-endpoint", "20", "500ms", "404 >= 95%", part: 5);
        AssertSequence("errors-405", "DELETE", "/blog/", "10", "500ms", "405 >= 95%", part: 5);
        AssertSequence("errors-recovery", "GET", "/blog/", "10", "1s", "200 >= 95%", part: 5);
        AssertSequence("availability-check", "GET", "/blog/", "5", "1s", "200 >= 95%", part: 6);

        var kill = Action("kill-blog-pod");
        Assert.Equal((PodKillKind.Descriptor.Name, 6), (kill.Kind, kill.Part));
        Assert.Equal(("titanium-prod", "prod-blog-service-deployment", "random"), (kill.Parameters["namespace"], kill.Parameters["deployment"], kill.Parameters["pick"]));

        Assert.Equal((DemoCommitKind.Descriptor.Name, 2), (Action("demo-commit").Kind, Action("demo-commit").Part));
        Assert.Equal(ManifestActionKinds.Apply.Name, Action("load-generator-apply").Kind);
        Assert.Equal(ManifestActionKinds.Delete.Name, Action("load-generator-delete").Kind);
    }

    [Fact]
    public void Load_Default_DeclaresGrafanaAndKialiPanels()
    {
        var panels = Scenario.Panels.ToDictionary(p => p.Id);
        Assert.Equal(["golden-signals", "kiali-graph", "golden-signals-errors"], Scenario.Panels.Select(p => p.Id));
        Assert.Equal((PanelKind.Grafana, (int?)3), (panels["golden-signals"].Kind, panels["golden-signals"].Part));
        Assert.Equal((PanelKind.Grafana, (int?)5), (panels["golden-signals-errors"].Kind, panels["golden-signals-errors"].Part));
        Assert.Equal((PanelKind.Kiali, (int?)3), (panels["kiali-graph"].Kind, panels["kiali-graph"].Part));
        Assert.Equal("http://127.0.0.1:30164/kiali/console/graph/namespaces/?namespaces=titanium-prod&kiosk=true", panels["kiali-graph"].Url.OriginalString);
        Assert.Equal("http://127.0.0.1:30300/d/golden-signals?kiosk", panels["golden-signals"].Url.OriginalString);
    }

    [Fact]
    public void Markdown_Default_IsRewordedNotCopiedFromTheSeed()
    {
        // Facts and commands are shared on purpose; the prose must be our own. No sentence of the seed's
        // scripts may appear verbatim.
        var seed = ScenarioParser.Parse(TestFiles.ReadSeed(), "seed").Scenario ?? throw new InvalidOperationException("seed");
        var seedSentences = seed.Parts.SelectMany(p => p.Section.Script)
            .Concat(seed.Questions.Select(q => new ScriptBlock(q.Line, q.AnswerMarkdown)))
            .SelectMany(s => s.Markdown.Split(['\n', '.'], StringSplitOptions.TrimEntries))
            .Where(s => s.Length > 25)
            .ToList();

        Assert.True(seedSentences.Count > 50, "the seed's scripts should give plenty of sentences to compare");
        Assert.DoesNotContain(seedSentences, s => DefaultScenario.Markdown.Contains(s, StringComparison.Ordinal));
    }

    private static void AssertSequence(string id, string method, string path, string count, string interval, string expect, int part)
    {
        var action = Action(id);
        Assert.Equal(LoadKinds.RequestSequence.Name, action.Kind);
        Assert.Equal(part, action.Part);
        Assert.Equal(expect, action.Expect);
        Assert.Equal((method, path, count, interval), (action.Parameters["method"], action.Parameters["path"], action.Parameters["count"], action.Parameters["interval"]));
    }
}
