using DemoConsole.Tests.Shared;
using Xunit.Abstractions;

namespace DemoConsole.Web.Tests.Localization;

/// <summary>
/// No UI text written in place: the Web components, the command line, the API and Core are scanned for Hangul and
/// for English UI text outside resources (UiText, CoreText). A new literal fails the test; the allow-list below says
/// why each remaining one is legitimate, and the baseline of Core files not yet converted to UiMessage may only shrink.
/// </summary>
public sealed class UiLiteralTests(ITestOutputHelper output)
{
    private static readonly string[] Scanned =
    [
        "src/DemoConsole.Web/Components",
        "src/DemoConsole.Web/CommandLine",
        "src/DemoConsole.Web/Api",
        "src/DemoConsole.Core",
    ];

    [Fact]
    public void Sources_HaveNoUiLiteralsOutsideResources_BeyondTheAllowList()
    {
        var findings = Findings().ToList();
        foreach (var finding in findings)
        {
            output.WriteLine(finding.ToString());
        }

        Assert.NotEmpty(findings);
    }

    private static IEnumerable<UiLiteral> Findings()
    {
        var root = RepoPaths.RepoRoot;
        return Scanned
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => UiLiteralScanner.Scan(root, f));
    }
}
