using DemoConsole.Tests.Shared;

namespace DemoConsole.Core.Tests.Scenarios;

/// <summary>The files scenario tests read: the shared seed runbook, repository files and the fixtures copied next to the tests.</summary>
internal static class TestFiles
{
    public static string SeedPath => RepoPaths.SeedRunbook;

    public static string ReadSeed() => File.ReadAllText(SeedPath);

    /// <summary>A file of this repository, such as docs/scenario-format.md.</summary>
    public static string RepositoryFile(string relativePath)
    {
        var path = Path.Combine(RepoPaths.RepoRoot, relativePath);
        return File.Exists(path) ? path : throw new FileNotFoundException($"'{relativePath}' not found in {RepoPaths.RepoRoot}.", path);
    }

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Scenarios", "Fixtures", name);

    public static string ReadFixture(string name) => File.ReadAllText(FixturePath(name));
}
