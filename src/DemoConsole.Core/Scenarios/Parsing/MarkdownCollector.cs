using DemoConsole.Core.Messages;
using Markdig.Syntax;

namespace DemoConsole.Core.Scenarios.Parsing;

/// <summary>
/// Joins blocks back into Markdown for the free-text parts of the model (answers, responses, overview):
/// labels that merely announce the text ("**답변**:") are dropped, quotes are unwrapped, and directive
/// blocks are reported because nothing could run them there.
/// </summary>
internal sealed class MarkdownCollector(MarkdownSource source, ProblemList problems)
{
    public string Collect(IEnumerable<Block> blocks, params Label[] dropLabels)
    {
        var parts = new List<string>();
        foreach (var block in blocks.Where(HeadingGroups.IsContent))
        {
            switch (block)
            {
                case FencedCodeBlock fence when DirectiveReader.IsDirective(fence):
                    problems.Warning(source.LineOf(fence), new UiMessage("Scenario_BlockIgnoredHere", fence.Info));
                    break;
                case QuoteBlock quote:
                    parts.Add(source.InnerMarkdownOf(quote));
                    break;
                case ParagraphBlock paragraph when LabelLine.TryParse(source.MarkdownOf(paragraph)) is { } label
                    && dropLabels.Contains(label.Kind):
                    parts.Add(label.Rest);
                    break;
                default:
                    parts.Add(source.MarkdownOf(block));
                    break;
            }
        }

        return string.Join("\n\n", parts.Where(p => p.Length > 0));
    }
}
