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

    private static string Usage => "usage: DemoConsole check FILE\n  " + CommandLineLanguage.Text("Cli_CheckUsage");

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
            stderr.WriteLine($"{file}: error: {CommandLineLanguage.Text("Cli_FileNotFound")}");
            return ExitErrors;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{file}: error: {CommandLineLanguage.Text("Cli_CannotRead", ex.Message)}");
            return ExitErrors;
        }

        var result = ScenarioParser.Parse(markdown, file);
        if (result.Scenario is { } scenario)
        {
            WriteOutline(scenario, stdout);
        }

        foreach (var problem in result.Problems)
        {
            stderr.WriteLine($"{file}:{problem.Line}: {Severity(problem.Severity)}: {CommandLineLanguage.Text(problem.Text)}");
        }

        var errors = result.Problems.Count(p => p.Severity == ProblemSeverity.Error);
        var warnings = result.Problems.Count - errors;
        if (result.Problems.Count > 0)
        {
            stderr.WriteLine($"{file}: {CommandLineLanguage.Count("Cli_Errors", errors)}, {CommandLineLanguage.Count("Cli_Warnings", warnings)}");
        }

        return result.Succeeded ? ExitOk : ExitErrors;
    }

    private static void WriteOutline(Scenario scenario, TextWriter output)
    {
        output.WriteLine(scenario.Title);
        output.WriteLine("  " + CommandLineLanguage.Text("Cli_Budget", Minutes(scenario.Budget.Target), Minutes(scenario.Budget.Limit)));
        if (scenario.Targets.Gateway is { } gateway)
        {
            output.WriteLine($"  {CommandLineLanguage.Text("Cli_Gateway")}: {gateway}");
        }

        if (scenario.Targets.Namespaces.Count > 0)
        {
            output.WriteLine($"  {CommandLineLanguage.Text("Cli_Namespaces")}: {string.Join(", ", scenario.Targets.Namespaces)}");
        }

        output.WriteLine($"  {CommandLineLanguage.Text("Cli_Preparation")}: {(scenario.Preparation is { } prep ? Counts(prep) : CommandLineLanguage.Text("Cli_None"))}");
        output.WriteLine($"  {CommandLineLanguage.Text("Cli_Parts")}: {scenario.Parts.Count}");
        foreach (var part in scenario.Parts)
        {
            output.WriteLine($"    {part.Number}. {part.Title} [{Minutes(part.Budget)}] {Counts(part.Section)}");
        }

        output.WriteLine($"  {CommandLineLanguage.Text("Cli_Closing")}: {(scenario.Closing is { } closing ? Counts(closing) : CommandLineLanguage.Text("Cli_None"))}");

        var actions = scenario.Actions.ToList();
        output.WriteLine($"  {CommandLineLanguage.Text("Cli_Actions")}: {actions.Count}");
        foreach (var action in actions)
        {
            output.WriteLine($"    {action.Id} ({action.Kind}){Where(action.Part)} {CommandLineLanguage.Text("Cli_Line", action.Line)}{(DemoConsole.Core.Actions.Kinds.ActionKindCatalog.Find(action.Kind) is not null ? "" : $" [{CommandLineLanguage.Text("Cli_UnknownKind")}]")}");
        }

        var panels = scenario.Panels.ToList();
        output.WriteLine($"  {CommandLineLanguage.Text("Cli_Panels")}: {panels.Count}");
        foreach (var panel in panels)
        {
            output.WriteLine($"    {panel.Id} ({panel.Kind.ToString().ToLowerInvariant()}){Where(panel.Part)} {panel.Url}");
        }

        var views = scenario.Views.ToList();
        output.WriteLine($"  {CommandLineLanguage.Text("Cli_Views")}: {views.Count}");
        foreach (var view in views)
        {
            output.WriteLine($"    {view.Id} ({view.Kind}){Where(view.Part)} {CommandLineLanguage.Text("Cli_Line", view.Line)}");
        }

        output.WriteLine($"  {CommandLineLanguage.Text("Cli_Questions")}: {scenario.Questions.Count}");
        output.WriteLine($"  {CommandLineLanguage.Text("Cli_Checklists")}: {scenario.Checklists.Count}");
        foreach (var checklist in scenario.Checklists)
        {
            output.WriteLine($"    {checklist.Title} ({CommandLineLanguage.Count("Cli_Items", checklist.Items.Count)})");
        }

        output.WriteLine($"  {CommandLineLanguage.Text("Cli_EmergencyPlans")}: {scenario.EmergencyPlans.Count}");
        output.WriteLine($"  {CommandLineLanguage.Text("Cli_ExtraItems")}: {scenario.ExtraItems.Count}");
        output.WriteLine($"  {CommandLineLanguage.Text("Cli_Appendix")}: {scenario.Appendix.Count}");
    }

    private static string Counts(ScenarioSection section) =>
        string.Join(", ",
            CommandLineLanguage.Count("Cli_Scripts", section.Script.Count()),
            CommandLineLanguage.Count("Cli_Commands", section.Blocks.OfType<CommandBlock>().Count()),
            CommandLineLanguage.Count("Cli_ActionCount", section.Blocks.OfType<ActionBlock>().Count()),
            CommandLineLanguage.Count("Cli_PanelCount", section.Blocks.OfType<PanelBlock>().Count()));

    private static string Where(int? part) => part is { } n ? " " + CommandLineLanguage.Text("Cli_Part", n) : "";

    private static string Minutes(TimeSpan span) =>
        CommandLineLanguage.Text("Cli_Minutes", span.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture));

    private static string Severity(ProblemSeverity severity) => severity == ProblemSeverity.Error ? "error" : "warning";
}
