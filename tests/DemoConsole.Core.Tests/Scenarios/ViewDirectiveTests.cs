using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Tests.Scenarios;

public class ViewDirectiveTests
{
    private static ScenarioParseResult Parse(string view) => ScenarioParser.Parse(
        $"# Demo\n\n## Scenario\n\n### Part 1: Errors\n\n**Script**:\n> \"Look at the logs.\"\n\n```demo-view\n{view}```\n", "test.md");

    [Fact]
    public void Parse_LogsView_KeepsItsParametersAndPart()
    {
        var result = Parse("id: gw-log\nkind: logs\ntitle: Gateway log\nnamespace: titanium-prod\nselector: app=api-gateway\ncontainer: api-gateway-container\nfilter: \"404|405|ERROR\"\n");

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        var view = Assert.Single(result.Scenario!.Views);
        Assert.Equal(("gw-log", ViewKinds.Logs, 1), (view.Id, view.Kind, view.Part));
        Assert.Equal("404|405|ERROR", view.Parameters["filter"]);
        Assert.Equal("app=api-gateway", view.Parameters["selector"]);
    }

    [Fact]
    public void Parse_UnknownViewKind_IsAnErrorOnTheKindLine()
    {
        var result = Parse("id: v\nkind: dashboards\ntitle: V\n");

        var problem = Assert.Single(result.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Equal(12, problem.Line);
        Assert.Contains("unknown view kind 'dashboards'", problem.Message);
    }

    [Fact]
    public void Parse_LogsViewWithoutSelector_IsAnError()
    {
        var result = Parse("id: v\nkind: logs\ntitle: V\nnamespace: n\ncontainer: c\n");

        Assert.Contains(result.Problems, p => p.Severity == ProblemSeverity.Error && p.Message.Contains("a logs view needs 'selector'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_FilterThatIsNotARegex_IsAnError()
    {
        var result = Parse("id: v\nkind: logs\ntitle: V\nnamespace: n\nselector: a=b\ncontainer: c\nfilter: \"(404\"\n");

        Assert.Contains(result.Problems, p => p.Message.Contains("not a valid regular expression", StringComparison.Ordinal));
    }

    [Fact]
    public void DefaultScenario_PlacesClusterViewsOnTheSecurityErrorAndAvailabilityParts()
    {
        var views = DefaultScenario.Load().Views.ToList();

        Assert.Contains(views, v => v.Part == 4 && v.Kind == ViewKinds.Security);
        Assert.Contains(views, v => v.Part == 4 && v.Kind == ViewKinds.NetworkPolicies);
        Assert.Contains(views, v => v.Part == 5 && v.Kind == ViewKinds.Logs && v.Parameters["container"] == "api-gateway-container");
        Assert.Contains(views, v => v.Part == 5 && v.Kind == ViewKinds.AlertRules);
        Assert.Contains(views, v => v.Part == 6 && v.Kind == ViewKinds.Workloads);
        Assert.Contains(views, v => v.Part is null && v.Kind == ViewKinds.Pods);
    }

    [Fact]
    public void Parse_ActionParameterTheKindDoesNotRead_IsKeptFlattenedWithAWarning()
    {
        var result = ScenarioParser.Parse(
            "# Demo\n\n## Scenario\n\n### Part 1: Errors\n\n**Script**:\n> \"Now errors.\"\n\n```demo-action\nid: e\nkind: request-sequence\ntitle: E\npath: /x\ncount: 2\ninterval: 1s\nheaders:\n  Accept: text/plain\n```\n",
            "test.md");

        Assert.True(result.Succeeded);
        Assert.Equal("text/plain", result.Scenario!.Actions.Single().Parameters["headers.Accept"]);
        Assert.Contains(result.Problems, p => p.Severity == ProblemSeverity.Warning && p.Message.Contains("does not read 'headers'", StringComparison.Ordinal));
    }
}
