using Markdig.Syntax;

namespace DemoConsole.Core.Scenarios.Parsing;

/// <summary>
/// Turns the blocks under one heading into a <see cref="ScenarioSection"/>: the screen and purpose lines,
/// scripts, commands, checks, directives, and notes for everything else. Runbooks mark structure with bold
/// labels rather than headings, so the reader is a small state machine over sibling blocks.
/// </summary>
internal sealed class SectionReader(MarkdownSource source, DirectiveReader directives)
{
    public ScenarioSection Read(string title, int line, IEnumerable<Block> blocks, int? part)
    {
        var state = new State(part);
        foreach (var block in blocks)
        {
            Add(state, block);
        }

        state.FlushLabel();
        return new ScenarioSection
        {
            Title = title,
            Line = line,
            Screen = state.Screen,
            Purpose = state.Purpose,
            Blocks = [.. state.Blocks],
        };
    }

    private void Add(State state, Block block)
    {
        switch (block)
        {
            case HeadingBlock heading:
                state.FlushLabel();
                state.Mode = Mode.None;
                state.Pending = (MarkdownSource.PlainText(heading), source.LineOf(heading));
                break;
            case ThematicBreakBlock or LinkReferenceDefinitionGroup or BlankLineBlock:
                break;
            case HtmlBlock html when html.Type == HtmlBlockType.Comment:
                break;
            case ParagraphBlock paragraph:
                AddParagraph(state, paragraph);
                break;
            case QuoteBlock quote when state.Mode is Mode.ScriptStart or Mode.Script:
                state.FlushLabel();
                state.Blocks.Add(new ScriptBlock(source.LineOf(quote), source.InnerMarkdownOf(quote)));
                state.Mode = Mode.Script;
                break;
            case FencedCodeBlock fence when DirectiveReader.IsDirective(fence):
                state.FlushLabel();
                state.Mode = Mode.None;
                if (directives.Read(fence, state.Part) is { } directive)
                {
                    state.Blocks.Add(directive);
                }

                break;
            case CodeBlock code:
                state.FlushLabel();
                state.Mode = Mode.None;
                var language = "";
                if (code is FencedCodeBlock fenced)
                {
                    directives.CheckNearMiss(fenced);
                    language = fenced.Info ?? "";
                }

                state.Blocks.Add(new CommandBlock(source.LineOf(code), language, code.Lines.ToString()));
                break;
            case ListBlock list when state.Mode == Mode.Checks:
                state.Mode = Mode.None;
                state.Pending = null;
                state.Blocks.Add(new CheckBlock(state.ChecksLine, [.. list.OfType<ListItemBlock>().Select(ItemMarkdown)]));
                break;
            case ListBlock list when list.IsOrdered && list.FirstOrDefault() is ListItemBlock first && StepLabel(first) is not null:
                state.Mode = Mode.None;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    AddStep(state, item);
                }

                break;
            default:
                state.Mode = Mode.None;
                state.AddNote(source.LineOf(block), source.MarkdownOf(block));
                break;
        }
    }

    private void AddParagraph(State state, ParagraphBlock paragraph)
    {
        var line = source.LineOf(paragraph);
        var markdown = source.MarkdownOf(paragraph);
        var label = LabelLine.TryParse(markdown);
        if (label is null)
        {
            if (state.Mode == Mode.ScriptStart)
            {
                // "**Script**:" followed by plain text instead of a quote: still what the presenter says.
                state.FlushLabel();
                state.Blocks.Add(new ScriptBlock(line, markdown));
                state.Mode = Mode.Script;
                return;
            }

            state.Mode = Mode.None;
            state.AddNote(line, markdown);
            return;
        }

        switch (label.Kind)
        {
            case Label.Screen when label.Rest.Length > 0 && state.Screen is null:
                state.Screen = label.Rest;
                state.Mode = Mode.None;
                break;
            case Label.Purpose when label.Rest.Length > 0 && state.Purpose is null:
                state.Purpose = label.Rest;
                state.Mode = Mode.None;
                break;
            case Label.Steps when label.Rest.Length == 0:
                state.FlushLabel();
                state.Mode = Mode.None;
                break;
            case Label.Script:
                state.FlushLabel();
                state.Mode = Mode.ScriptStart;
                if (label.Rest.Length > 0)
                {
                    state.Blocks.Add(new ScriptBlock(line, label.Rest));
                    state.Mode = Mode.Script;
                }

                break;
            case Label.Checks when label.Rest.Length == 0:
                state.FlushLabel();
                state.Mode = Mode.Checks;
                state.ChecksLine = line;

                // Kept as a heading in case no list follows; the check list consumes it.
                state.Pending = (label.Heading, line);
                break;
            default:
                state.Mode = Mode.None;
                if (label.Rest.Length == 0)
                {
                    state.FlushLabel();
                    state.Pending = (label.Heading, line);
                }
                else
                {
                    state.AddNote(line, markdown);
                }

                break;
        }
    }

    /// <summary>A numbered step ("1. **코드 변경 및 Push**:"): a headed note, then its commands and scripts in order.</summary>
    private void AddStep(State state, ListItemBlock item)
    {
        var label = StepLabel(item);
        if (label is null)
        {
            state.AddNote(source.LineOf(item), ItemMarkdown(item));
            return;
        }

        state.FlushLabel();
        state.Pending = (label.Heading, source.LineOf(item));
        if (label.Rest.Length > 0)
        {
            state.AddNote(source.LineOf(item), label.Rest);
        }

        foreach (var child in item.Skip(1))
        {
            Add(state, child);
        }

        state.FlushLabel();
        state.Mode = Mode.None;
    }

    internal LabelLine? StepLabel(ListItemBlock item) =>
        item.FirstOrDefault() is ParagraphBlock paragraph ? LabelLine.TryParse(source.MarkdownOf(paragraph)) : null;

    private string ItemMarkdown(ListItemBlock item) => item.Count == 0 ? "" : source.MarkdownOfRun([.. item]);

    private enum Mode
    {
        None,
        ScriptStart,
        Script,
        Checks,
    }

    private sealed class State(int? part)
    {
        public int? Part { get; } = part;

        public List<ScenarioBlock> Blocks { get; } = [];

        public string? Screen { get; set; }

        public string? Purpose { get; set; }

        public Mode Mode { get; set; }

        public int ChecksLine { get; set; }

        /// <summary>A heading or bold label waiting for the note it introduces.</summary>
        public (string Heading, int Line)? Pending { get; set; }

        public void AddNote(int line, string markdown)
        {
            Blocks.Add(Pending is { } pending
                ? new NoteBlock(pending.Line, pending.Heading, markdown)
                : new NoteBlock(line, null, markdown));
            Pending = null;
        }

        public void FlushLabel()
        {
            if (Pending is { } pending)
            {
                Blocks.Add(new NoteBlock(pending.Line, pending.Heading, ""));
                Pending = null;
            }
        }
    }
}
