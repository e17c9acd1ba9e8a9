using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Tests.Scenarios;

/// <summary>The seed runbook is the baseline of the format: it must load as written, without errors.</summary>
public sealed class SeedScenarioTests
{
    private static readonly Lazy<ScenarioParseResult> Seed =
        new(() => ScenarioParser.Parse(TestFiles.ReadSeed(), TestFiles.SeedPath));

    private static Scenario Scenario => Seed.Value.Scenario ?? throw new InvalidOperationException(string.Join('\n', Seed.Value.Problems));

    private static ScenarioSection Part(int number) =>
        Scenario.FindPart(number)?.Section ?? throw new InvalidOperationException($"no part {number}");

    [Fact]
    public void Parse_Seed_HasNoProblems()
    {
        Assert.True(Seed.Value.Succeeded);
        Assert.Empty(Seed.Value.Problems);
    }

    [Fact]
    public void Parse_Seed_ReadsTitleBudgetAndKeyMessages()
    {
        Assert.Equal("Cloud-Native 마이크로서비스 플랫폼 v2.0 데모 시나리오", Scenario.Title);
        Assert.Equal(new ScenarioBudget(TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(25)), Scenario.Budget);
        Assert.Equal(4, Scenario.KeyMessages.Count);
        Assert.Equal("완전 자동화된 CI/CD 파이프라인", Scenario.KeyMessages[0]);
        Assert.Contains("주요 기능과 성과를 효과적으로 시연", Scenario.OverviewMarkdown, StringComparison.Ordinal);
        Assert.DoesNotContain("실시간 관측성 시스템", Scenario.OverviewMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Seed_HasSixPartsWithTitlesScreensAndEqualBudgets()
    {
        string[] titles = ["프로젝트 소개", "CI/CD 파이프라인 시연", "모니터링 시스템 시연", "보안 및 서비스 메시", "에러 시나리오 및 모니터링", "고가용성 및 자동 복구"];
        Assert.Equal(titles, Scenario.Parts.Select(p => p.Title));
        Assert.Equal([1, 2, 3, 4, 5, 6], Scenario.Parts.Select(p => p.Number));
        Assert.Equal([76, 101, 149, 234, 262, 373], Scenario.Parts.Select(p => p.Section.Line));
        Assert.All(Scenario.Parts, p => Assert.Equal(TimeSpan.FromMinutes(20) / 6, p.Budget));
        Assert.Equal("Grafana 대시보드", Scenario.FindPart(3)?.Section.Screen);
        Assert.StartsWith("에러 발생 시 모니터링 시스템이", Scenario.FindPart(5)?.Section.Purpose, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(3, 6)]
    [InlineData(4, 2)]
    [InlineData(5, 6)]
    [InlineData(6, 3)]
    public void Parse_Seed_PartsHaveTheirScripts(int part, int scripts)
    {
        Assert.Equal(scripts, Scenario.FindPart(part)?.Section.Script.Count());
    }

    [Fact]
    public void Parse_Seed_ScriptIsInnerMarkdownOfTheQuote()
    {
        var script = Part(1).Script.Single();
        Assert.Equal(81, script.Line);
        Assert.StartsWith("\"안녕하세요. Cloud-Native", script.Markdown, StringComparison.Ordinal);
        Assert.Contains("\n\n이 프로젝트는", script.Markdown, StringComparison.Ordinal);
        Assert.Contains("\n1. Terraform을 이용한 인프라 자동화\n", script.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(">", script.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Seed_PartFiveHasTheErrorLoopsAsCommands()
    {
        var commands = Part(5).Blocks.OfType<CommandBlock>().ToList();
        Assert.Equal(5, commands.Count);
        var loops = commands.Single(c => c.Text.Contains("/nonexistent-endpoint", StringComparison.Ordinal));
        Assert.Equal(281, loops.Line);
        Assert.Equal("bash", loops.Language);
        Assert.Contains("for i in {1..20}; do", loops.Text, StringComparison.Ordinal);
        Assert.Contains("-X DELETE http://10.0.11.168:31304/blog/", loops.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("```", loops.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Seed_StepsAreHeadedNotes()
    {
        var notes = Part(2).Blocks.OfType<NoteBlock>().ToList();
        Assert.Equal(["코드 변경 및 Push", "GitHub Actions 확인", "Argo CD 자동 동기화"], notes.Select(n => n.Heading));
        Assert.StartsWith("- CI 워크플로우 자동 실행 확인", notes[1].Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Seed_ChecksBecomeCheckBlocks()
    {
        var checks = Part(3).Blocks.OfType<CheckBlock>().Single();
        Assert.Equal(218, checks.Line);
        Assert.Equal(4, checks.Items.Count);
        Assert.Equal("Traffic 패널: RPS 급증 (약 20 req/s)", checks.Items[0]);
        Assert.Single(Part(5).Blocks.OfType<CheckBlock>());
    }

    [Fact]
    public void Parse_Seed_ReadsPreparationAndClosing()
    {
        var preparation = Assert.IsType<ScenarioSection>(Scenario.Preparation);
        Assert.Equal(2, preparation.Blocks.OfType<CommandBlock>().Count());
        Assert.Contains(preparation.Blocks.OfType<NoteBlock>(), n => n.Heading == "Load Generator 배포 (Grafana 메트릭 활성화)");
        var closing = Assert.IsType<ScenarioSection>(Scenario.Closing);
        Assert.Equal("프로젝트 성과 슬라이드", closing.Screen);
        Assert.Contains("P95 19.2ms", closing.Script.Single().Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Seed_HasSixQuestionsWithAnswers()
    {
        Assert.Equal(["q1", "q2", "q3", "q4", "q5", "q6"], Scenario.Questions.Select(q => q.Id));
        var q2 = Scenario.Questions[1];
        Assert.Equal("성능 병목은 어떻게 해결했나요?", q2.Question);
        Assert.Equal(453, q2.Line);
        Assert.Contains("835ms → 739ms", q2.AnswerMarkdown, StringComparison.Ordinal);
        Assert.DoesNotContain("답변", q2.AnswerMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Seed_HasFourChecklistPhasesWithUniqueStableIds()
    {
        Assert.Equal(["데모 전날", "데모 당일 (30분 전)", "데모 중", "데모 후"], Scenario.Checklists.Select(c => c.Title));
        Assert.Equal([5, 7, 4, 3], Scenario.Checklists.Select(c => c.Items.Count));
        var items = Scenario.Checklists.SelectMany(c => c.Items).ToList();
        Assert.Equal(items.Count, items.Select(i => i.Id).Distinct().Count());
        Assert.Equal("데모-전날-1", items[0].Id);
        Assert.Equal("모든 시스템 정상 동작 확인", items[0].Text);
        Assert.Equal(510, items[0].Line);
    }

    [Fact]
    public void Parse_Seed_HasThreeEmergencyPlans()
    {
        Assert.Equal(["네트워크 연결 실패", "Pod 장애 발생", "CI/CD 파이프라인 실패"], Scenario.EmergencyPlans.Select(e => e.Title));
        Assert.Contains("30초 이내", Scenario.EmergencyPlans[1].ResponseMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Seed_ExtraItemsAreSectionsWithCommands()
    {
        Assert.Equal(["Loki 로그 조회", "HPA 동작 확인", "NetworkPolicy 확인", "롤백 시연"], Scenario.ExtraItems.Select(s => s.Title));
        var rollback = Scenario.ExtraItems[3].Blocks.OfType<CommandBlock>().Single();
        Assert.StartsWith("kubectl rollout history deployment/prod-api-gateway-deployment", rollback.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Seed_AppendixKeepsThresholds()
    {
        var latency = Scenario.Appendix.Single(s => s.Title.Contains("Panel 1 - Latency", StringComparison.Ordinal));
        var markdown = string.Join("\n", latency.Blocks.OfType<NoteBlock>().Select(n => n.Markdown));
        Assert.Contains("정상 범위: 10-50ms", markdown, StringComparison.Ordinal);
        Assert.Contains("위험: > 200ms", markdown, StringComparison.Ordinal);
        Assert.Equal(2, Scenario.Appendix.Count(s => s.Title.EndsWith("접속 정보", StringComparison.Ordinal)));
    }

    [Fact]
    public void Parse_SeedWithWindowsLineEndingsAndBom_GivesTheSameScenario()
    {
        var crlf = "\uFEFF" + TestFiles.ReadSeed().ReplaceLineEndings("\r\n");

        var result = ScenarioParser.Parse(crlf, "crlf");

        Assert.Empty(result.Problems);
        var scenario = Assert.IsType<Scenario>(result.Scenario);
        Assert.Equal(Scenario.Parts.Select(p => p.Section.Line), scenario.Parts.Select(p => p.Section.Line));
        Assert.Equal(
            Scenario.Parts.SelectMany(p => p.Section.Script).Select(s => s.Markdown),
            scenario.Parts.SelectMany(p => p.Section.Script).Select(s => s.Markdown));
        Assert.Equal(
            Scenario.Parts.SelectMany(p => p.Section.Blocks.OfType<CommandBlock>()).Select(c => c.Text),
            scenario.Parts.SelectMany(p => p.Section.Blocks.OfType<CommandBlock>()).Select(c => c.Text));
        Assert.Equal(Scenario.Checklists.SelectMany(c => c.Items), scenario.Checklists.SelectMany(c => c.Items));
    }

    [Fact]
    public void Parse_Seed_HasNoDirectives()
    {
        Assert.Empty(Scenario.Actions);
        Assert.Empty(Scenario.Panels);
    }
}
