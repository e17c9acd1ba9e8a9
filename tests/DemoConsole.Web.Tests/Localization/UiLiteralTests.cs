using DemoConsole.Tests.Shared;
using Xunit.Abstractions;

namespace DemoConsole.Web.Tests.Localization;

/// <summary>
/// No UI text written in place: the Web components, the command line, the API and Core are scanned for Hangul and
/// for English UI text outside resources (UiText, CoreText). A new literal fails the test; the allow-list below says
/// why each remaining one is legitimate, and core-baseline.tsv holds the Core files whose messages are not
/// <c>UiMessage</c>s yet, with how many literals each may hold (the number may only go down).
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

    /// <summary>(file or folder, text the finding contains, why it is not UI text to translate).</summary>
    private static readonly (string Path, string Contains, string Reason)[] Allowed =
    [
        ("src/DemoConsole.Core/Scenarios/Parsing/MarkerWords.cs", "", "the scenario parser's Korean marker words: they read the runbook, never shown"),
        ("src/DemoConsole.Core/Scenarios/DefaultScenario.cs", "", "a broken build (a missing or unparsable embedded scenario), thrown at start-up, never shown"),
        ("src/DemoConsole.Core/Actions/ActionExecutor.cs", "Action {ActionId} ({Kind}) run {RunId}", "a log message template"),
        ("src/DemoConsole.Core/Actions/RunBoardStore.cs", "is not on the board", "a programming error, thrown, never shown"),
        ("src/DemoConsole.Core/Actions/Load/LoadActionHandler.cs", "is not a load action kind", "a programming error (wrong descriptor), thrown at start-up"),
        ("src/DemoConsole.Core/Actions/Load/LoadKinds.cs", "", "parameter descriptions for the code and docs/action-kinds.md, never shown"),
        ("src/DemoConsole.Core/Pipeline/DemoCommitKind.cs", "", "parameter descriptions for the code and docs/action-kinds.md, never shown"),
        ("src/DemoConsole.Core/Pipeline/DemoCommitService.cs", "ddd MMM d HH:mm:ss", "the date format of the line committed to the demo repository"),
        ("src/DemoConsole.Core/Load/OpenScheduler.cs", "needs a period", "a programming error, thrown, never shown"),
        ("src/DemoConsole.Core/Load/RawHttpConnection.cs", "", "HttpRequestException texts worded like .NET's own client; the engine counts errors by HttpRequestError, never shows them"),
        ("src/DemoConsole.Core/Load/ResponseHead.cs", "", "HttpRequestException texts worded like .NET's own client; the engine counts errors by HttpRequestError, never shows them"),
        ("src/DemoConsole.Core/Messages/UiMessage.cs", "CoreText has no message", "a programming error (missing key), thrown, never shown"),
        ("src/DemoConsole.Core/Cluster/Preflight/PreflightChecks.cs", "kubectl ", "a command to run, the same in every language"),
        ("src/DemoConsole.Web/CommandLine/CheckCommand.cs", "usage: DemoConsole check FILE", "command syntax"),
        ("src/DemoConsole.Web/CommandLine/BurstArguments.cs", "usage: DemoConsole burst <url>", "command syntax"),
        ("src/DemoConsole.Web/CommandLine/ReplayCommand.cs", "usage: DemoConsole replay RECORDING.jsonl [--urls http://127.0.0.1:5000]", "command syntax"),
        ("src/DemoConsole.Web/Components/Pages/Report.razor", "Markdown", "a file format's name"),
        ("src/DemoConsole.Web/Components/Pages/SignIn.razor", "Demo Console", "the product's name"),
        ("src/DemoConsole.Web/Components/Pages/SignIn.razor", "placeholder=\"presenter\"", "the name a presenter gets when they give none (SignInEndpoints.CleanName)"),
        ("src/DemoConsole.Web/Components/Panels/Cluster/ArchitectureDiagram.razor", "Ready", "Kubernetes' Ready condition, as kubectl shows it"),
        ("src/DemoConsole.Web/Components/Panels/Cluster/LogTailView.razor", "grep -E", "the command the view mirrors"),
        ("src/DemoConsole.Web/Components/Panels/Cluster/LogTailView.razor", "_snapshot?.Lines", "C# inside a <pre>, not text"),
        ("src/DemoConsole.Web/Components/Panels/Metrics/", "Prometheus", "a product's name, shown while its first answer is awaited"),
        ("src/DemoConsole.Web/Components/Panels/Metrics/AlertsView.razor", "Alertmanager", "a product's name"),
        ("src/DemoConsole.Web/Components/Panels/Metrics/GoldenSignalsView.razor", "Label=\"SeriesName\"", "a C# method group bound to a parameter, not text"),
        ("src/DemoConsole.Web/Components/Panels/SandboxCard.razor", "Kubernetes API", "a product's name"),
        ("src/DemoConsole.Web/Components/Panels/SandboxCard.razor", "kubeconfig", "a file kind and a shell command"),
        ("src/DemoConsole.Web/Components/Panels/SandboxCard.razor", "KUBECONFIG", "a shell command"),
        ("src/DemoConsole.Core/Cluster/Informers/ResourceInformer.cs", "took longer than", "an exception's message for the log; the banner shows a timeout as Cluster_NoAnswerInTime"),
        ("src/DemoConsole.Core/Observability/PrometheusJson.cs", "is not a number", "a parser's exception message, shown verbatim inside Metrics_UnexpectedShape like any exception text"),
        ("src/DemoConsole.Core/Recording/RecordingShapes.cs", "does not serialize to a JSON object", "a programming error (a snapshot type that is not an object), thrown, never shown"),
        ("src/DemoConsole.Core/StopAll/StopEverything.cs", "cannot be deleted by this console", "a programming error (only kinds the console applies are recorded as created), thrown, never shown"),
        ("src/DemoConsole.Core/Cluster/Faults/SandboxFaults.cs", "has no fault", "matches the sandbox's answer to a clear, never shown"),
        ("src/DemoConsole.Core/Cluster/Actions/ClusterActionOptions.cs", "", "configuration validation: a start-up error in the log, like DemoConsoleOptionsValidator's"),
        ("src/DemoConsole.Core/Cluster/Actions/ClusterActionsServiceCollectionExtensions.cs", "Cluster action options", "configuration validation: a start-up error in the log"),
        ("src/DemoConsole.Core/Cluster/", "action kind.\"", "a programming error (a handler built with another kind), thrown at start-up, never shown"),
        ("src/DemoConsole.Core/Cluster/Actions/PodKillActionHandler.cs", "is not the pod-kill kind", "a programming error (a handler built with another kind), thrown at start-up, never shown"),
        ("src/DemoConsole.Core/Cluster/Actions/PodKillActionHandler.cs", "(uid {plan.PodUid})", "the preview's target: an identifier the API returns to scripts, no screen shows it"),
        ("src/DemoConsole.Core/Cluster/Actions/PodKillKind.cs", "", "parameter descriptions: the kind's documentation in code, no screen reads ActionParameter.Description"),
        ("src/DemoConsole.Core/Cluster/Actions/RolloutKinds.cs", "", "parameter descriptions: the kind's documentation in code, no screen reads ActionParameter.Description"),
        ("src/DemoConsole.Core/Cluster/Actions/ManifestActionKinds.cs", "", "parameter descriptions: the kind's documentation in code, no screen reads ActionParameter.Description"),
        ("src/DemoConsole.Core/Cluster/Faults/FaultKinds.cs", "", "parameter descriptions: the kind's documentation in code, no screen reads ActionParameter.Description"),
    ];

    [Fact]
    public void Sources_HaveNoUiLiteralsOutsideResources_BeyondTheAllowListAndTheCoreBaseline()
    {
        var baseline = Baseline();
        var counted = Findings()
            .Where(f => !Allowed.Any(a => f.File.StartsWith(a.Path, StringComparison.Ordinal) && f.Text.Contains(a.Contains, StringComparison.Ordinal)))
            .GroupBy(f => f.File)
            .ToList();

        var over = counted.Where(g => g.Count() > baseline.GetValueOrDefault(g.Key)).ToList();
        foreach (var (file, allowed) in baseline)
        {
            var now = counted.FirstOrDefault(g => g.Key == file)?.Count() ?? 0;
            if (now < allowed)
            {
                output.WriteLine($"{file}: {now} now, baseline {allowed}: lower it in core-baseline.tsv");
            }
        }

        Assert.True(over.Count == 0, "UI text outside resources (put it in UiText or CoreText, or allow-list it with a reason):\n"
            + string.Join("\n", over.SelectMany(g => g.Select(f => f.ToString()))));
    }

    [Fact]
    public void Scanner_FindsHangulAndEnglishUiText_NotCommentsDirectivesOrKubectlHeadings()
    {
        var root = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(root, "Sample.razor"), """
            @inherits LiveComponent
            @* Stop everything: a comment *@
            <h1>Stop everything</h1>
            <th>NAME</th><th>READY</th>
            <span title="Next page">@L["Key"]</span>
            <p>@L["Explain"] (<code>GET /api/runs</code>)</p>
            <p>다음</p>
            """);
        File.WriteAllText(Path.Combine(root, "Sample.cs"), """
            // There is no page here: a comment
            [LoggerMessage(EventId = 1, Message = "Action {Id} refused by the session")]
            var a = $"There is no page {path} in this scenario.";
            var b = "app=load-generator";
            var c = "발표자";
            """);

        var razor = UiLiteralScanner.Scan(root, "Sample.razor").Select(f => (f.Line, f.Kind)).ToList();
        var csharp = UiLiteralScanner.Scan(root, "Sample.cs").Select(f => (f.Line, f.Kind)).ToList();

        Assert.Equal([(3, "english"), (5, "english"), (7, "hangul")], razor);
        Assert.Equal([(3, "english"), (5, "hangul")], csharp);
    }

    private static Dictionary<string, int> Baseline() =>
        File.ReadAllLines(Path.Combine(RepoPaths.RepoRoot, "tests/DemoConsole.Web.Tests/Localization/core-baseline.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .ToDictionary(p => p[1], p => int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture));

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
