using Markdig.Syntax;

namespace DemoConsole.Core.Scenarios.Parsing;

/// <summary>Blocks under one heading (or before the first heading, when <see cref="Heading"/> is null).</summary>
internal sealed record HeadingGroup(HeadingBlock? Heading, IReadOnlyList<Block> Blocks);

internal static class HeadingGroups
{
    /// <summary>Splits sibling blocks at every heading of <paramref name="maxLevel"/> or a higher rank (fewer #).</summary>
    public static IReadOnlyList<HeadingGroup> Split(IEnumerable<Block> blocks, int maxLevel)
    {
        var groups = new List<HeadingGroup>();
        HeadingBlock? heading = null;
        var current = new List<Block>();
        foreach (var block in blocks)
        {
            if (block is HeadingBlock h && h.Level <= maxLevel)
            {
                if (heading is not null || current.Count > 0)
                {
                    groups.Add(new HeadingGroup(heading, current));
                }

                heading = h;
                current = [];
            }
            else
            {
                current.Add(block);
            }
        }

        if (heading is not null || current.Count > 0)
        {
            groups.Add(new HeadingGroup(heading, current));
        }

        return groups;
    }

    /// <summary>Whether a block carries content (thematic breaks and comments between sections do not).</summary>
    public static bool IsContent(Block block) =>
        block is not (ThematicBreakBlock or LinkReferenceDefinitionGroup or BlankLineBlock)
        && !(block is HtmlBlock html && html.Type == HtmlBlockType.Comment);
}
