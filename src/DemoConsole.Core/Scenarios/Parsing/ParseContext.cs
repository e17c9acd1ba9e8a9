namespace DemoConsole.Core.Scenarios.Parsing;

/// <summary>What every reader of one parse shares: the source text, the problem list and the id registry.</summary>
internal sealed class ParseContext
{
    public ParseContext(string markdown)
    {
        Source = new MarkdownSource(markdown);
        Problems = new ProblemList();
        Directives = new DirectiveReader(Source, Problems);
        Sections = new SectionReader(Source, Directives);
        Collector = new MarkdownCollector(Source, Problems);
    }

    public MarkdownSource Source { get; }

    public ProblemList Problems { get; }

    public DirectiveReader Directives { get; }

    public SectionReader Sections { get; }

    public MarkdownCollector Collector { get; }
}
