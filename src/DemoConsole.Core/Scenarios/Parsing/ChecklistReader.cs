using System.Text.RegularExpressions;
using DemoConsole.Core.Messages;
using Markdig.Syntax;

namespace DemoConsole.Core.Scenarios.Parsing;

/// <summary>
/// Reads "데모 체크리스트 / Checklists": every ### heading a phase, its list items the things to tick.
/// Ids come from the phase title and the item's position, so ticks kept server-side survive a reload
/// as long as the phase keeps its name.
/// </summary>
internal static partial class ChecklistReader
{
    public static IEnumerable<Checklist> Read(IEnumerable<Block> blocks, ParseContext context)
    {
        var ids = new UniqueIds();
        var index = 0;
        foreach (var group in HeadingGroups.Split(blocks, maxLevel: 3))
        {
            var items = group.Blocks.OfType<ListBlock>().SelectMany(l => l.OfType<ListItemBlock>()).ToList();
            if (group.Heading is null && items.Count == 0)
            {
                continue;
            }

            index++;
            var title = group.Heading is null ? "Checklist" : MarkdownSource.PlainText(group.Heading);
            var line = group.Heading is null ? context.Source.LineOf(items[0]) : context.Source.LineOf(group.Heading);
            var id = ids.Claim(Slug.From(title, $"checklist-{index}"));
            if (items.Count == 0)
            {
                context.Problems.Warning(line, new UiMessage("Scenario_ChecklistEmpty", title));
            }

            foreach (var fence in group.Blocks.OfType<FencedCodeBlock>().Where(DirectiveReader.IsDirective))
            {
                context.Problems.Warning(context.Source.LineOf(fence), new UiMessage("Scenario_BlockIgnoredInChecklist", fence.Info));
            }

            var checklistItems = items.Select((item, i) => new ChecklistItem(
                $"{id}-{i + 1}",
                TaskBox().Replace(item.Count == 0 ? "" : context.Source.MarkdownOfRun([.. item]), "", 1),
                context.Source.LineOf(item)));
            yield return new Checklist(id, title, [.. checklistItems], line);
        }
    }

    [GeneratedRegex(@"^\[[ xX]\]\s*")]
    private static partial Regex TaskBox();
}
