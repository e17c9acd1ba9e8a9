using System.Diagnostics;

namespace DemoConsole.Web.Tests.CommandLine;

/// <summary>`DemoConsole check FILE` run as a real process, the way a team's CI would run it.</summary>
public sealed class CheckProcessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("check-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Task<(int Exit, string Output)> RunAsync(params string[] args) => RunInAsync(null, args);

    /// <param name="language">DemoConsole__Language for the process; null: not set (English).</param>
    internal static async Task<(int Exit, string Output)> RunInAsync(string? language, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment.Remove("DemoConsole__Language");
        if (language is not null)
        {
            start.Environment["DemoConsole__Language"] = language;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DemoConsole.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task Check_TheSeedRunbook_PrintsOutlineAndExitsZero()
    {
        var (exit, output) = await RunAsync("check", DemoConsole.Tests.Shared.RepoPaths.SeedRunbook);

        Assert.Equal(0, exit);
        Assert.Contains("parts: 6", output);
    }

    [Theory]
    [InlineData("ko", "  파트: 6", "스크립트 ", "parts: 6")]
    [InlineData("en", "  parts: 6", " scripts", "파트")]
    public async Task Check_PrintsInTheLanguageSetting(string language, string parts, string counts, string notShown)
    {
        var (exit, output) = await RunInAsync(language, "check", DemoConsole.Tests.Shared.RepoPaths.SeedRunbook);

        Assert.Equal(0, exit);
        Assert.Contains(parts, output, StringComparison.Ordinal);
        Assert.Contains(counts, output, StringComparison.Ordinal);
        Assert.DoesNotContain(notShown, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_BrokenFile_PrintsProblemsWithLinesAndExitsOne()
    {
        var path = Path.Combine(_dir, "broken.md");
        await File.WriteAllTextAsync(path, "# Demo\n\n## 데모 시나리오\n\n### 1부: Intro\n\n```demo-action\nkind: load-burst\n```\n");

        var (exit, output) = await RunAsync("check", path);

        Assert.Equal(1, exit);
        Assert.Contains("broken.md:", output);
        Assert.Contains("error", output);
    }

    [Theory]
    [InlineData("ko", "broken.md:7: error: demo-action 블록: 'id'이(가) 없습니다", "missing 'id'")]
    [InlineData(null, "broken.md:7: error: demo-action block: missing 'id'", "블록")]
    public async Task Check_BrokenFile_PrintsItsProblemsInTheLanguageSetting(string? language, string problem, string notShown)
    {
        var path = Path.Combine(_dir, "broken.md");
        await File.WriteAllTextAsync(path, "# Demo\n\n## 데모 시나리오\n\n### 1부: Intro\n\n```demo-action\nkind: load-burst\n```\n");

        var (exit, output) = await RunInAsync(language, "check", path);

        Assert.Equal(1, exit);
        Assert.Contains(problem, output, StringComparison.Ordinal);
        Assert.DoesNotContain(notShown, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_MissingFile_ExitsOne()
    {
        var (exit, _) = await RunAsync("check", Path.Combine(_dir, "missing.md"));

        Assert.Equal(1, exit);
    }

    [Fact]
    public async Task Check_NoFile_IsUsageErrorTwo()
    {
        var (exit, _) = await RunAsync("check");

        Assert.Equal(2, exit);
    }
}
