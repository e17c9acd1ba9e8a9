namespace DemoConsole.Tests.Shared;

/// <summary>Files of the repository, found from the test's output folder.</summary>
public static class RepoPaths
{
    public static string RepoRoot { get; } = FindUp("DemoConsole.sln") ?? throw new InvalidOperationException(
        $"DemoConsole.sln not found above {AppContext.BaseDirectory}.");

    /// <summary>
    /// The runbook the console was born from, as the repository keeps it (tests/Fixtures/seed-runbook.ko.md, a copy of
    /// the seed), so a clone alone runs every test.
    /// </summary>
    public static string SeedRunbook { get; } = Path.Combine(RepoRoot, "tests", "Fixtures", "seed-runbook.ko.md");

    private static string? FindUp(string marker)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, marker)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
