namespace DemoConsole.Web.Tests.CommandLine;

/// <summary>`DemoConsole burst --help` as a real process: the usage in the language of DemoConsole__Language, English when unset.</summary>
public sealed class BurstUsageProcessTests
{
    private const string Syntax = "usage: DemoConsole burst <url> [--rate R | --connections C | --interval I] [--count N | --duration D]";

    [Theory]
    [InlineData("ko", "  --rate R          open 모델: 응답과 상관없이 초당 R개의 요청을 시작합니다", "Enter를 누르기 전에 url을 확인하세요.", "print the result as JSON")]
    [InlineData(null, "  --rate R          open model: start R requests per second whatever the responses do", "and hey: check it before pressing enter.", "결과")]
    public async Task Help_PrintsTheUsageInTheLanguageSetting(string? language, string rateLine, string lastLine, string notShown)
    {
        var (exit, output) = await CheckProcessTests.RunInAsync(language, "burst", "--help");

        Assert.Equal(0, exit);
        var lines = output.TrimEnd().Split('\n');
        Assert.Equal(Syntax, lines[0]);
        Assert.Contains(rateLine, lines);
        Assert.Equal(lastLine, lines[^1]);
        Assert.Equal(2 + 9 + 2, lines.Length);
        Assert.DoesNotContain(notShown, output, StringComparison.Ordinal);
    }
}
