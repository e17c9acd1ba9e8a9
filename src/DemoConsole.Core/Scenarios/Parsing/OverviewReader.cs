using Markdig.Syntax;

namespace DemoConsole.Core.Scenarios.Parsing;

/// <summary>
/// Reads the overview ("데모 개요 / Overview") with its key messages, plus headed sections the format does
/// not know (document info, author line), which are kept in the overview rather than dropped.
/// </summary>
internal static class OverviewReader
{
    public static (string Markdown, IReadOnlyList<string> KeyMessages) Read(
        IEnumerable<Block> overview,
        IEnumerable<(string Title, IReadOnlyList<Block> Blocks)> others,
        ParseContext context)
    {
        var keyMessages = new List<string>();
        var text = new List<Block>();
        var expectKeyMessages = false;
        foreach (var block in overview.Where(HeadingGroups.IsContent))
        {
            if (IsKeyMessagesMarker(block, context, out var inline))
            {
                expectKeyMessages = inline is null;
                if (inline is not null)
                {
                    keyMessages.Add(inline);
                }
            }
            else if (expectKeyMessages && block is ListBlock list)
            {
                keyMessages.AddRange(list.OfType<ListItemBlock>()
                    .Where(i => i.Count > 0)
                    .Select(i => context.Source.MarkdownOfRun([.. i])));
                expectKeyMessages = false;
            }
            else
            {
                text.Add(block);
                expectKeyMessages = false;
            }
        }

        var parts = new List<string> { context.Collector.Collect(text) };
        foreach (var (title, blocks) in others)
        {
            var body = context.Collector.Collect(blocks);
            parts.Add(body.Length == 0 ? $"## {title}" : $"## {title}\n\n{body}");
        }

        return (string.Join("\n\n", parts.Where(p => p.Length > 0)), keyMessages);
    }

    private static bool IsKeyMessagesMarker(Block block, ParseContext context, out string? inline)
    {
        inline = null;
        switch (block)
        {
            case HeadingBlock heading:
                return MarkerWords.ClassifyLabel(MarkdownSource.PlainText(heading)) == Label.KeyMessages;
            case ParagraphBlock paragraph when LabelLine.TryParse(context.Source.MarkdownOf(paragraph)) is { Kind: Label.KeyMessages } label:
                inline = label.Rest.Length > 0 ? label.Rest : null;
                return true;
            default:
                return false;
        }
    }
}
