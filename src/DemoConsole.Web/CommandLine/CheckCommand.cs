using System.Globalization;
using DemoConsole.Core.Scenarios;

namespace DemoConsole.Web.CommandLine;

/// <summary>
/// <c>DemoConsole check FILE</c>: lints a scenario so a team can check its runbook in CI. Prints the outline to
/// stdout and problems to stderr as <c>FILE:LINE: error: message</c> (the format editors and CI annotate).
/// </summary>
internal static class CheckCommand
{
    public const int ExitOk = 0;
    public const int ExitErrors = 1;
    public const int ExitUsage = 2;

    private const string Usage = "usage: DemoConsole check FILE\n  Parses the scenario FILE, prints its outline and every problem; exit code 0 when it has no errors, 1 otherwise.";

    /// <param name="args">The arguments after the word <c>check</c>.</param>
    /// <returns>0 without errors (warnings allowed), 1 on errors or an unreadable file, 2 on bad usage.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        if (args is ["-h" or "--help"])
        {
            stdout.WriteLine(Usage);
            return ExitOk;
        }

        if (args.Length != 1 || args[0].StartsWith('-') || args[0].Trim().Length == 0)
        {
            stderr.WriteLine(Usage);
            return ExitUsage;
        }

        var file = args[0];
        string markdown;
        try
        {
            markdown = File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            stderr.WriteLine($"{file}: error: file not found");
            return ExitErrors;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{file}: error: cannot read the file: {ex.Message}");
            return ExitErrors;
        }

        var result = ScenarioParser.Parse(markdown, file);
        if (result.Scenario is { } scenario)
        {
            WriteOutline(scenario, stdout);
        }

        foreach (var problem in result.Problems)
        {
            stderr.WriteLine($"{file}:{problem.Line}: {Severity(problem.Severity)}: {problem.Message}");
        }

        var errors = result.Problems.Count(p => p.Severity == ProblemSeverity.Error);
        var warnings = result.Problems.Count - errors;
        if (result.Problems.Count > 0)
        {
            stderr.WriteLine($"{file}: {Count(errors, "error")}, {Count(warnings, "warning")}");
        }

        return result.Succeeded ? ExitOk : ExitErrors;
    }

    private static void WriteOutline(Scenario scenario, TextWriter output)
    {
        output.WriteLine(scenario.Title);
        output.WriteLine($"  budget: {Minutes(scenario.Budget.Target)} (limit {Minutes(scenario.Budget.Limit)})");
        if (scenario.Targets.Gateway is { } gateway)
        {
            output.WriteLine($"  gateway: {gateway}");
        }

        if (scenario.Targets.Namespaces.Count > 0)
        {
            output.WriteLine($"  namespaces: {string.Join(", ", scenario.Targets.Namespaces)}");
        }

        output.WriteLine($"  preparation: {(scenario.Preparation is { } prep ? Counts(prep) : "none")}");
        output.WriteLine($"  parts: {scenario.Parts.Count}");
        foreach (var part in scenario.Parts)
        {
            output.WriteLine($"    {part.Number}. {part.Title} [{Minutes(part.Budget)}] {Counts(part.Section)}");
        }

        output.WriteLine($"  closing: {(scenario.Closing is { } closing ? Counts(closing) : "none")}");

        var actions = scenario.Actions.ToList();
        output.WriteLine($"  actions: {actions.Count}");
        foreach (var action in actions)
        {
            output.WriteLine($"    {action.Id} ({action.Kind}){Where(action.Part)} line {action.Line}{(DemoConsole.Core.Actions.Kinds.ActionKindCatalog.Find(action.Kind) is not null ? "" : " [unknown kind]")}");
        }

        var panels = scenario.Panels.ToList();
        output.WriteLine($"  panels: {panels.Count}");
        foreach (var panel in panels)
        {
            output.WriteLine($"    {panel.Id} ({panel.Kind.ToString().ToLowerInvariant()}){Where(panel.Part)} {panel.Url}");
        }

        var views = scenario.Views.ToList();
        output.WriteLine($"  views: {views.Count}");
        foreach (var view in views)
        {
            output.WriteLine($"    {view.Id} ({view.Kind}){Where(view.Part)} line {view.Line}");
        }

        output.WriteLine($"  questions: {scenario.Questions.Count}");
        output.WriteLine($"  checklists: {scenario.Checklists.Count}");
        foreach (var checklist in scenario.Checklists)
        {
            output.WriteLine($"    {checklist.Title} ({Count(checklist.Items.Count, "item")})");
        }

        output.WriteLine($"  emergency plans: {scenario.EmergencyPlans.Count}");
        output.WriteLine($"  extra items: {scenario.ExtraItems.Count}");
        output.WriteLine($"  appendix sections: {scenario.Appendix.Count}");
    }

    private static string Counts(ScenarioSection section) =>
        string.Join(", ",
            Count(section.Script.Count(), "script"),
            Count(section.Blocks.OfType<CommandBlock>().Count(), "command"),
            Count(section.Blocks.OfType<ActionBlock>().Count(), "action"),
            Count(section.Blocks.OfType<PanelBlock>().Count(), "panel"));

    private static string Where(int? part) => part is { } n ? string.Create(CultureInfo.InvariantCulture, $" part {n}") : "";

    private static string Minutes(TimeSpan span) =>
        span.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture) + " min";

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");

    private static string Severity(ProblemSeverity severity) => severity == ProblemSeverity.Error ? "error" : "warning";
}
