using Markdig.Syntax;

namespace DemoConsole.Core.Scenarios.Parsing;

/// <summary>
/// Reads "추가 시연 가능 항목 / Extra items": each numbered bold item (or each ### heading) becomes a section,
/// so the presenter can open one when time is left.
/// </summary>
internal static class ExtraItemsReader
{
    public static IEnumerable<ScenarioSection> Read(string title, int line, IEnumerable<Block> blocks, ParseContext context)
    {
        foreach (var group in HeadingGroups.Split(blocks, maxLevel: 3))
        {
            var loose = new List<Block>();
            var looseTitle = group.Heading is null ? title : MarkdownSource.PlainText(group.Heading);
            var looseLine = group.Heading is null ? line : context.Source.LineOf(group.Heading);
            foreach (var block in group.Blocks.Where(HeadingGroups.IsContent))
            {
                if (block is ListBlock { IsOrdered: true } list && list.OfType<ListItemBlock>().All(i => context.Sections.StepLabel(i) is not null))
                {
                    foreach (var section in ReadLoose(looseTitle, looseLine, loose, context))
                    {
                        yield return section;
                    }

                    loose.Clear();
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        yield return ReadItem(item, context);
                    }
                }
                else
                {
                    loose.Add(block);
                }
            }

            foreach (var section in ReadLoose(looseTitle, looseLine, loose, context))
            {
                yield return section;
            }
        }
    }

    private static ScenarioSection ReadItem(ListItemBlock item, ParseContext context)
    {
        // StepLabel was checked by the caller; an item that lost it would fall back to its own text as the title.
        var label = context.Sections.StepLabel(item);
        var line = context.Source.LineOf(item);
        var section = context.Sections.Read(label?.Heading ?? "", line, item.Skip(1), part: null);
        return label is { Rest.Length: > 0 }
            ? section with { Blocks = [new NoteBlock(line, null, label.Rest), .. section.Blocks] }
            : section;
    }

    private static IEnumerable<ScenarioSection> ReadLoose(string title, int line, List<Block> blocks, ParseContext context)
    {
        if (blocks.Count > 0)
        {
            yield return context.Sections.Read(title, line, [.. blocks], part: null);
        }
    }
}
