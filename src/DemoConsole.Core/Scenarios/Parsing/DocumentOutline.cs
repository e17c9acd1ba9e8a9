using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace DemoConsole.Core.Scenarios.Parsing;

/// <summary>A top-level (##) section of the runbook, classified by its heading.</summary>
internal sealed record TopBlock(TopSection Kind, string Title, int Line, List<Block> Blocks);

/// <summary>A part heading ("### 3부: ...") with the blocks up to the next part or ## heading.</summary>
internal sealed record PartBlock(int Number, string Title, string Label, int Line, List<Block> Blocks);

/// <summary>
/// The document cut into its top-level sections and parts. Parts are recognised by their heading
/// ("3부:", "Part 3:") at ### under the scenario heading, or at ## anywhere, so an English runbook
/// without a "## Scenario" wrapper still works.
/// </summary>
internal sealed class DocumentOutline
{
    public YamlFrontMatterBlock? FrontMatter { get; private set; }

    public string? Title { get; private set; }

    public int TitleLine { get; private set; } = 1;

    /// <summary>Blocks between the title and the first ## heading.</summary>
    public List<Block> Preamble { get; } = [];

    public List<TopBlock> Tops { get; } = [];

    public List<PartBlock> Parts { get; } = [];

    /// <summary>Line of the scenario heading, for "no parts" errors.</summary>
    public int? ScenarioLine { get; private set; }

    public static DocumentOutline Build(MarkdownDocument document, MarkdownSource source)
    {
        var outline = new DocumentOutline();
        List<Block> current = outline.Preamble;
        var inScenario = false;
        foreach (var block in document)
        {
            switch (block)
            {
                case YamlFrontMatterBlock front when outline.FrontMatter is null:
                    outline.FrontMatter = front;
                    break;
                case HeadingBlock { Level: 1 } h1 when outline.Title is null:
                    outline.Title = MarkdownSource.PlainText(h1);
                    outline.TitleLine = source.LineOf(h1);
                    break;
                case HeadingBlock { Level: 2 or 3 } heading when (heading.Level == 2 || inScenario)
                    && MarkerWords.TryParsePartHeading(MarkdownSource.PlainText(heading), out var number, out var title, out var label):
                    var part = new PartBlock(number, title, label, source.LineOf(heading), []);
                    outline.Parts.Add(part);
                    current = part.Blocks;
                    break;
                case HeadingBlock { Level: <= 2 } heading:
                    var text = MarkdownSource.PlainText(heading);
                    var kind = MarkerWords.ClassifyTopSection(text);
                    var top = new TopBlock(kind, text, source.LineOf(heading), []);
                    outline.Tops.Add(top);
                    current = top.Blocks;
                    inScenario = kind == TopSection.Scenario;
                    outline.ScenarioLine ??= inScenario ? top.Line : null;
                    break;
                default:
                    current.Add(block);
                    break;
            }
        }

        return outline;
    }

    /// <summary>All blocks of the sections of one kind, in document order (a runbook may split one across headings).</summary>
    public IEnumerable<Block> BlocksOf(TopSection kind) => Tops.Where(t => t.Kind == kind).SelectMany(t => t.Blocks);

    public TopBlock? First(TopSection kind) => Tops.FirstOrDefault(t => t.Kind == kind);
}
