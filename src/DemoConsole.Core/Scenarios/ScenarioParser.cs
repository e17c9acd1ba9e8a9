using DemoConsole.Core.Messages;
using DemoConsole.Core.Scenarios.Parsing;
using Markdig;

namespace DemoConsole.Core.Scenarios;

/// <summary>
/// Parses a runbook (Markdown, optional YAML front matter, <c>demo-action</c> / <c>demo-panel</c> blocks) into a
/// <see cref="Scenario"/>. The format is described in docs/scenario-format.md.
/// </summary>
public static class ScenarioParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    /// <summary>
    /// Parses <paramref name="markdown"/> and reports every problem with its 1-based line. Never throws: a
    /// broken file must not take the running console down.
    /// </summary>
    /// <param name="markdown">The file's text.</param>
    /// <param name="source">Where it came from (a path or "embedded:default"), kept in <see cref="Scenario.Source"/>.</param>
    /// <returns>The scenario when there are no errors (warnings allowed), and all problems found.</returns>
    public static ScenarioParseResult Parse(string markdown, string source)
    {
        try
        {
            return ParseCore(markdown ?? "", source ?? "");
        }
#pragma warning disable CA1031 // The contract is "never throws"; a parser bug becomes a reported problem instead of a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new ScenarioParseResult(null, [new ScenarioProblem(1, ProblemSeverity.Error, new UiMessage("Scenario_InternalFailure", ex.GetType().Name, ex.Message))]);
        }
    }

    private static ScenarioParseResult ParseCore(string markdown, string source)
    {
        // A byte order mark hides the first heading or front matter fence from Markdig. Line endings become "\n"
        // so commands and notes carry no stray "\r"; Markdig counts "\r\n" and "\r" as one line break too,
        // so line numbers do not change.
        markdown = markdown.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var context = new ParseContext(markdown);
        var problems = context.Problems;
        var outline = DocumentOutline.Build(Markdown.Parse(markdown, Pipeline), context.Source);
        var front = FrontMatterReader.Read(outline.FrontMatter, context.Source, problems);

        var title = front.Title ?? outline.Title;
        if (string.IsNullOrWhiteSpace(title))
        {
            problems.Warning(1, new UiMessage("Scenario_NoTitle"));
            title = Path.GetFileNameWithoutExtension(source) is { Length: > 0 } name ? name : "Untitled scenario";
        }

        // Sections are read in document order, so "duplicate id" points at the later declaration.
        var sections = context.Sections;
        var preparation = ReadSection(outline, TopSection.Preparation, context);
        var parts = outline.Parts
            .Select(p => (p.Number, p.Label, Section: sections.Read(p.Title, p.Line, p.Blocks, p.Number)))
            .ToList();
        PartValidator.Validate(outline, parts.Select(p => p.Section).ToList(), problems);

        var budget = BudgetResolver.Total(front, markdown);
        var partBudgets = BudgetResolver.Parts([.. parts.Select(p => p.Number)], budget, front, problems);

        var others = outline.Tops
            .Where(t => t.Kind == TopSection.Other)
            .Select(t => (t.Title, (IReadOnlyList<Markdig.Syntax.Block>)t.Blocks));
        var overviewBlocks = outline.Preamble.Concat(outline.BlocksOf(TopSection.Overview)).Concat(outline.BlocksOf(TopSection.Scenario));
        var (overview, keyMessages) = OverviewReader.Read(overviewBlocks, others, context);

        var scenario = new Scenario
        {
            Title = title,
            Language = front.Language,
            Source = source,
            Budget = budget,
            OverviewMarkdown = overview,
            KeyMessages = keyMessages,
            Preparation = preparation,
            Parts = [.. parts.Select(p => new ScenarioPart(p.Number, partBudgets[p.Number], p.Section) { Label = p.Label })],
            Closing = ReadSection(outline, TopSection.Closing, context),
            Questions = [.. QuestionReader.Read(outline.BlocksOf(TopSection.Questions), context)],
            Checklists = [.. ChecklistReader.Read(outline.BlocksOf(TopSection.Checklists), context)],
            EmergencyPlans = [.. EmergencyPlanReader.Read(outline.BlocksOf(TopSection.EmergencyPlans), context)],
            ExtraItems = [.. outline.Tops.Where(t => t.Kind == TopSection.ExtraItems)
                .SelectMany(t => ExtraItemsReader.Read(t.Title, t.Line, t.Blocks, context))],
            Appendix = [.. outline.Tops.Where(t => t.Kind == TopSection.Appendix)
                .SelectMany(t => AppendixReader.Read(AppendixTitle(t.Title), t.Line, t.Blocks, context))],
            Targets = front.Targets,
            Metrics = front.Metrics,
        };

        return new ScenarioParseResult(problems.HasErrors ? null : scenario, problems.ToList());
    }

    private static ScenarioSection? ReadSection(DocumentOutline outline, TopSection kind, ParseContext context) =>
        outline.First(kind) is { } top
            ? context.Sections.Read(top.Title, top.Line, outline.BlocksOf(kind), part: null)
            : null;

    /// <summary>"부록: Grafana 가이드" → "Grafana 가이드"; a bare "부록" keeps its name.</summary>
    private static string AppendixTitle(string heading)
    {
        var colon = heading.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 && colon < heading.Length - 1 ? heading[(colon + 1)..].Trim() : heading;
    }
}
