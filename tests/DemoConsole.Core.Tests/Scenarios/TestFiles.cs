namespace DemoConsole.Core.Tests.Scenarios;

/// <summary>Finds the files tests read: the shared seed runbook and the fixtures copied next to the tests.</summary>
internal static class TestFiles
{
    public const string SeedName = "000_7159ab350bdadc70.txt";

    /// <summary>
    /// The seed runbook. The repository is cloned next to a <c>shared/</c> folder (here /work/shared, and the
    /// same layout in CI), so walk up from the test binaries until a folder holds <c>shared/seeds</c>.
    /// </summary>
    public static string SeedPath
    {
        get
        {
            var start = AppContext.BaseDirectory;
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "seeds", SeedName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException(
                $"Seed runbook '{SeedName}' not found: looked for shared/seeds/{SeedName} in every folder above '{start}'. " +
                "Clone the repository next to the shared/ folder (…/shared/seeds and …/<repo>).");
        }
    }

    public static string ReadSeed() => File.ReadAllText(SeedPath);

    /// <summary>A file of this repository (such as docs/scenario-format.md), found by walking up from the test binaries.</summary>
    public static string RepositoryFile(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "DemoConsole.sln")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"'{relativePath}' not found in any folder above '{AppContext.BaseDirectory}' that holds DemoConsole.sln");
    }

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Scenarios", "Fixtures", name);

    public static string ReadFixture(string name) => File.ReadAllText(FixturePath(name));
}
