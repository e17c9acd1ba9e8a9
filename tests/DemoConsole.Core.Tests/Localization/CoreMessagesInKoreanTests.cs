using System.Globalization;
using System.Net;
using DemoConsole.Core.Load;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Pipeline;
using DemoConsole.Core.Reports;
using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Tests.Reports;
using Octokit;

namespace DemoConsole.Core.Tests.Localization;

/// <summary>
/// Core's messages for a person render in the reader's language: Korean on a Korean screen, with what the person or a
/// remote system wrote (a YAML key, a number, a path) kept as it was inside the sentence; English everywhere else.
/// </summary>
public sealed class CoreMessagesInKoreanTests
{
    private static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko-KR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    [Fact]
    public void ScenarioProblem_RendersInKorean_WithTheKeyTheAuthorWrote()
    {
        var result = ScenarioParser.Parse("---\ncolour: blue\n---\n# T\n\n## Scenario\n\n### Part 1: A\n\n**Script**: hi\n", "t.md");

        var problem = Assert.Single(result.Problems);
        var korean = problem.Text.Format(Korean);
        Assert.Contains("'colour'", korean, StringComparison.Ordinal);
        Assert.Contains("알 수 없는 키", korean, StringComparison.Ordinal);
        Assert.StartsWith("프런트 매터: ", korean, StringComparison.Ordinal);
        Assert.Equal(problem.Message, problem.Text.Format(English));
        Assert.False(HasHangul(problem.Message), problem.Message);
    }

    [Fact]
    public void LoadPlanProblem_RendersInKorean_WithItsFigures()
    {
        var gateway = new Uri("http://127.0.0.1:8080/");
        var problems = LoadPlanValidator.Validate(LoadPlan.Burst(gateway, "/blog/", 5000, 10), new LoadCaps { AllowedTargets = [gateway], MaxRate = 1000 });

        var problem = Assert.Single(problems);
        var korean = problem.Format(Korean, CultureInfo.InvariantCulture);
        Assert.Equal("rate 5000/s가 상한 1000/s를 넘습니다", korean);
        Assert.Equal("rate 5000/s exceeds the cap of 1000/s", problem.ToString());
    }

    [Fact]
    public void LoadStartRefusal_JoinsEveryProblemInTheReadersLanguage()
    {
        var refused = new HttpLoadEngine(new LoadCaps { AllowedTargets = [] }).Start(LoadPlan.Burst(new Uri("http://127.0.0.1:9/"), "no-slash", 10, 10));

        Assert.False(refused.Started);
        var korean = refused.Text.Format(Korean);
        Assert.StartsWith("부하 계획이 거부되었습니다: ", korean, StringComparison.Ordinal);
        Assert.Contains("허용된 대상이 아닙니다 (허용된 대상: 없음)", korean, StringComparison.Ordinal);
        Assert.Contains("; 경로 'no-slash'", korean, StringComparison.Ordinal);
        Assert.StartsWith("Load plan refused: target http://127.0.0.1:9 is not an allowed target (allowed: none); path 'no-slash'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PipelineFailure_RendersInKorean_WithWhatItTriedAndGitHubsOwnWords()
    {
        var what = new UiMessage("Pipeline_WhatCommitFile", "app/README.md", "acme/titanium", "main");

        var problem = GitHubErrors.Describe(new ApiException("Update is not a fast forward", HttpStatusCode.Conflict), what, TimeProvider.System);

        Assert.Equal(GitHubProblemKind.Conflict, problem.Kind);
        Assert.Equal("acme/titanium@main에 app/README.md 커밋 중 충돌이 발생했습니다: Update is not a fast forward", problem.Text.Format(Korean));
        Assert.Equal("Conflict while trying to commit app/README.md to acme/titanium@main: Update is not a fast forward", problem.Message);
    }

    [Fact]
    public void PipelineStage_FailedCi_NamesTheStepInKorean()
    {
        var stage = PipelineStage.Of(PipelineStageKind.Ci, PipelineStageState.Failed, null, null, new UiMessage("Pipeline_RunFailedAt", "CI", 42, "Run tests"));

        Assert.Equal("CI #42이(가) Run tests 단계에서 실패했습니다.", stage.Text!.Format(Korean));
        Assert.Equal("CI #42 failed at Run tests.", stage.Detail);
    }

    [Fact]
    public void MarkdownReport_InKorean_HasKoreanHeadings_AndInEnglishNone()
    {
        var report = Report();

        var korean = ReportMarkdown.Write(report, null, Korean);
        var english = ReportMarkdown.Write(report, null, English);

        var koreanHeadings = Headings(korean);
        Assert.Contains("## 부별 소요 시간", koreanHeadings);
        Assert.Contains("## 체크리스트", koreanHeadings);
        Assert.Contains("## 문제", koreanHeadings);
        Assert.All(koreanHeadings.Skip(1), h => Assert.True(HasHangul(h), h));
        Assert.All(Headings(english).Skip(1), h => Assert.False(HasHangul(h), h));
        Assert.Contains("## Time per part", Headings(english));
    }

    [Fact]
    public void HtmlReport_InKorean_HasKoreanHeadingsAndLanguage_AndInEnglishNone()
    {
        var report = Report();

        var korean = ReportHtml.Write(report, null, Korean);
        var english = ReportHtml.Write(report, null, English);

        Assert.Contains("<html lang=\"ko\">", korean, StringComparison.Ordinal);
        Assert.Contains("<h2>부별 소요 시간</h2>", korean, StringComparison.Ordinal);
        Assert.Contains("<h2>발생한 알림</h2>", korean, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("<h2>Time per part</h2>", english, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2>부별", english, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlReport_ChecklistMarks_AreDrawnNotTyped_WithTheStateAsAWord()
    {
        var report = Report();
        Assert.Contains(report.Checklist, c => c.Done);
        Assert.Contains(report.Checklist, c => !c.Done);

        foreach (var (language, done, open) in new[] { (Korean, "완료", "미완료"), (English, "done", "not done") })
        {
            var html = ReportHtml.Write(report, null, language);

            Assert.DoesNotContain("☑", html, StringComparison.Ordinal);
            Assert.DoesNotContain("☐", html, StringComparison.Ordinal);
            var marks = html.Split("<td class=\"mark\">").Skip(1).Select(cell => cell[..cell.IndexOf("</td>", StringComparison.Ordinal)]).ToList();
            Assert.Equal(report.Checklist.Count, marks.Count);
            Assert.All(marks, m => Assert.StartsWith("<svg class=\"check-mark\"", m, StringComparison.Ordinal));
            Assert.Equal(report.Checklist.Count(c => c.Done), marks.Count(m => m.Contains("<path", StringComparison.Ordinal)));
            Assert.Equal(report.Checklist.Count(c => c.Done), marks.Count(m => m.EndsWith($">{done}</span>", StringComparison.Ordinal)));
            Assert.Equal(report.Checklist.Count(c => !c.Done), marks.Count(m => m.EndsWith($">{open}</span>", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void RunFigures_InKorean_KeepTheFiguresInvariant()
    {
        var run = Report().Runs.First(r => r.Commit is not null);

        var korean = ReportFormat.Figures(run, Korean);

        Assert.Contains("커밋부터 실행까지 2:51 (예산 5:00)", korean, StringComparison.Ordinal);
        Assert.Contains("commit to running 2:51 (budget 5:00)", ReportFormat.Figures(run, English), StringComparison.Ordinal);
    }

    private static SessionReport Report()
    {
        var scenario = DefaultScenario.Load();
        var session = ReportFixtures.Session(scenario, scenario.Checklists[0].Items[0].Id);
        return SessionReportBuilder.Build(new ReportSources(scenario, session, [ReportFixtures.CommitRun(), ReportFixtures.FailedRun()], JournalSnapshot.Empty, ReportFixtures.T0.AddMinutes(9)));
    }

    private static List<string> Headings(string markdown) =>
        [.. markdown.Split('\n').Where(l => l.StartsWith('#')).Select(l => l.TrimEnd())];

    private static bool HasHangul(string text) => text.Any(c => c is >= '\uAC00' and <= '\uD7A3');
}
