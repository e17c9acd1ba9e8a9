using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DemoConsole.Core.Scenarios.Parsing;

/// <summary>
/// The original text behind a Markdig syntax tree. Blocks keep their Markdown source (not re-rendered
/// text) so the UI can render them with Markdig exactly as the author wrote them.
/// </summary>
internal sealed class MarkdownSource
{
    private readonly string _text;
    private readonly List<int> _lineStarts = [0];

    public MarkdownSource(string text)
    {
        _text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public string Text => _text;

    /// <summary>1-based line of a block. Setext headings report their underline in Markdig, so they use their span.</summary>
    public int LineOf(Block block) =>
        block is HeadingBlock { IsSetext: true } ? LineOfOffset(block.Span.Start) : block.Line + 1;

    public int LineOfOffset(int offset)
    {
        var index = _lineStarts.BinarySearch(Math.Clamp(offset, 0, _text.Length));
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    /// <summary>The block's source from the start of its first line, with the common indentation removed.</summary>
    public string MarkdownOf(Block block) => Dedent(SliceFromLineStart(block.Span.Start, block.Span.End));

    /// <summary>The source of a run of sibling blocks, dedented, blank lines between them preserved.</summary>
    public string MarkdownOfRun(IReadOnlyList<Block> blocks) =>
        blocks.Count == 0 ? "" : Dedent(SliceFromLineStart(blocks[0].Span.Start, blocks[^1].Span.End));

    /// <summary>The Markdown inside a blockquote, without the <c>&gt; </c> prefixes.</summary>
    public string InnerMarkdownOf(QuoteBlock quote)
    {
        var lines = SplitLines(MarkdownOf(quote));
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            var trimmed = line.TrimStart(' ');
            if (trimmed.StartsWith('>'))
            {
                trimmed = trimmed.Length > 1 && trimmed[1] == ' ' ? trimmed[2..] : trimmed[1..];
            }

            // Trailing spaces are kept: two of them are a Markdown hard line break.
            builder.Append(trimmed).Append('\n');
        }

        return builder.ToString().Trim('\n');
    }

    /// <summary>Plain text of inlines (headings, labels), emphasis and code flattened, line breaks as spaces.</summary>
    public static string PlainText(Inline? inline)
    {
        var builder = new StringBuilder();
        AppendPlain(builder, inline);
        return builder.ToString().Trim();
    }

    public static string PlainText(LeafBlock block) => PlainText(block.Inline);

    public static string Dedent(string text)
    {
        var lines = SplitLines(text);
        var indent = lines.Where(l => l.Trim().Length > 0)
            .Select(l => l.Length - l.TrimStart(' ').Length)
            .DefaultIfEmpty(0)
            .Min();

        // Nested blocks (a list inside a list item) carry their container's indentation on every line;
        // SliceFromLineStart pads the first line the same way, so removing the common indent is enough.
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart(' ')))
            .TrimEnd();
    }

    private string SliceFromLineStart(int start, int end)
    {
        start = Math.Clamp(start, 0, _text.Length);
        end = Math.Clamp(end, start - 1, _text.Length - 1);
        var lineStart = _lineStarts[LineOfOffset(start) - 1];

        // Text before the block on its first line is container syntax (list marker, quote marker) only
        // when it is not whitespace; keep just the indentation so dedenting treats all lines alike.
        var prefix = _text[lineStart..start];
        var lead = prefix.Trim().Length == 0 ? prefix : new string(' ', prefix.Length);
        return lead + _text[start..(end + 1)].Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static string[] SplitLines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    private static void AppendPlain(StringBuilder builder, Inline? inline)
    {
        switch (inline)
        {
            case null:
                return;
            case LiteralInline literal:
                builder.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                builder.Append(code.Content);
                break;
            case LineBreakInline:
                builder.Append(' ');
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.ToString());
                break;
            case AutolinkInline autolink:
                builder.Append(autolink.Url);
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    AppendPlain(builder, child);
                }

                break;
            default:
                break;
        }
    }
}
