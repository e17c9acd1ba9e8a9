namespace DemoConsole.Tests.Shared;

/// <summary>Files of the repository and its sibling shared/ folder, found from the test's output folder.</summary>
public static class RepoPaths
{
    public static string RepoRoot { get; } = FindUp("DemoConsole.sln") ?? throw new InvalidOperationException(
        $"DemoConsole.sln not found above {AppContext.BaseDirectory}.");

    /// <summary>The runbook the console was born from: ../shared/seeds/ next to the repository.</summary>
    public static string SeedRunbook
    {
        get
        {
            var path = Path.Combine(RepoRoot, "..", "shared", "seeds", "000_7159ab350bdadc70.txt");
            return File.Exists(path) ? Path.GetFullPath(path) : throw new FileNotFoundException(
                $"The seed runbook is expected at {Path.GetFullPath(path)} (the shared/ folder beside the repository).", path);
        }
    }

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
