using DemoConsole.Core.Scenarios;
using DemoConsole.Tests.Shared;
using DemoConsole.Web.CommandLine;

namespace DemoConsole.Web.Tests.CommandLine;

public sealed class CheckCommandTests : IDisposable
{
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("check-").FullName;

    public void Dispose()
    {
        _stdout.Dispose();
        _stderr.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>A scenario fixture of the Core tests (the parser's own test files).</summary>
    private static string Fixture(string name) => Path.Combine(RepoPaths.RepoRoot, "tests", "DemoConsole.Core.Tests", "Scenarios", "Fixtures", name);

    private string[] ErrorLines => _stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public void Run_Seed_PrintsOutlineAndExitsZero()
    {
        var exit = CheckCommand.Run([RepoPaths.SeedRunbook], _stdout, _stderr);

        Assert.Equal(0, exit);
        Assert.Equal("", _stderr.ToString());
        var outline = _stdout.ToString();
        Assert.StartsWith("Cloud-Native 마이크로서비스 플랫폼 v2.0 데모 시나리오\n", outline.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("budget: 20 min (limit 25 min)", outline, StringComparison.Ordinal);
        Assert.Contains("parts: 6", outline, StringComparison.Ordinal);
        Assert.Contains("5. 에러 시나리오 및 모니터링 [3.3 min] 6 scripts, 5 commands, 0 actions, 0 panels", outline, StringComparison.Ordinal);
        Assert.Contains("questions: 6", outline, StringComparison.Ordinal);
        Assert.Contains("데모 당일 (30분 전) (7 items)", outline, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ko")]
    [InlineData("en")]
    public void Run_DefaultScenarioFile_ListsActionsAndPanels(string language)
    {
        var path = Path.Combine(_directory, $"titanium.{language}.md");
        File.WriteAllText(path, DefaultScenario.MarkdownOf(language));

        var exit = CheckCommand.Run([path], _stdout, _stderr);

        Assert.Equal(0, exit);
        Assert.Equal("", _stderr.ToString());
        var outline = _stdout.ToString();
        Assert.Contains("traffic-burst (load-burst) part 3 line", outline, StringComparison.Ordinal);
        Assert.Contains("kill-blog-pod (pod-kill) part 6", outline, StringComparison.Ordinal);
        Assert.Contains("kiali-graph (kiali) part 3 http://127.0.0.1:30164/", outline, StringComparison.Ordinal);
        Assert.Contains("actions: 14", outline, StringComparison.Ordinal);
        Assert.Contains("gateway-errors-log (logs) part 5", outline, StringComparison.Ordinal);
        Assert.Contains("panels: 3", outline, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FileWithErrors_PrintsFileLineProblemsAndExitsOne()
    {
        var path = Fixture("bad-parts.md");

        var exit = CheckCommand.Run([path], _stdout, _stderr);

        Assert.Equal(1, exit);
        Assert.Equal("", _stdout.ToString());
        Assert.Equal(
            [
                $"{path}:10: error: part 3 found where part 2 was expected: parts are numbered 1, 2, 3... in order",
                $"{path}:15: error: duplicate part number 3 (first used on line 10)",
                $"{path}:15: warning: part 3 '중복' has no script (a quote after '**스크립트**:' / '**Script**:')",
                $"{path}: 2 errors, 1 warning",
            ],
            ErrorLines);
    }

    [Fact]
    public void Run_OnlyWarnings_PrintsOutlineAndWarningsAndExitsZero()
    {
        var path = Path.Combine(_directory, "warn.md");
        File.WriteAllText(path, "# Warned\n\n## Scenario\n\n### Part 1: Silent\n\nNo script here.\n");

        var exit = CheckCommand.Run([path], _stdout, _stderr);

        Assert.Equal(0, exit);
        Assert.Contains("1. Silent [20 min] 0 scripts", _stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal($"{path}:5: warning: part 1 'Silent' has no script (a quote after '**스크립트**:' / '**Script**:')", ErrorLines[0]);
    }

    [Fact]
    public void Run_MissingFile_ExitsOne()
    {
        var exit = CheckCommand.Run(["/nonexistent/scenario.md"], _stdout, _stderr);

        Assert.Equal(1, exit);
        Assert.Equal(["/nonexistent/scenario.md: error: file not found"], ErrorLines);
    }

    [Theory]
    [InlineData]
    [InlineData("a.md", "b.md")]
    [InlineData("--verbose")]
    [InlineData(" ")]
    public void Run_BadUsage_PrintsUsageAndExitsTwo(params string[] args)
    {
        var exit = CheckCommand.Run(args, _stdout, _stderr);

        Assert.Equal(2, exit);
        Assert.StartsWith("usage: DemoConsole check FILE", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Help_PrintsUsageAndExitsZero()
    {
        Assert.Equal(0, CheckCommand.Run(["--help"], _stdout, _stderr));
        Assert.StartsWith("usage:", _stdout.ToString(), StringComparison.Ordinal);
    }
}
