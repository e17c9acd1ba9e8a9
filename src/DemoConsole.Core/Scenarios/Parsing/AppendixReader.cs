using Markdig.Syntax;

namespace DemoConsole.Core.Scenarios.Parsing;

/// <summary>
/// Reads "부록 / Appendix": every ### or deeper heading starts a section (panel guides, thresholds). A deeper
/// heading is titled with its ### ancestor as well ("2. Kiali › 접속 정보"), because guides repeat the same
/// sub-headings for each tool.
/// </summary>
internal static class AppendixReader
{
    public static IEnumerable<ScenarioSection> Read(string title, int line, IEnumerable<Block> blocks, ParseContext context)
    {
        string? group = null;
        foreach (var heading in HeadingGroups.Split(blocks, maxLevel: 6))
        {
            var content = heading.Blocks.Where(HeadingGroups.IsContent).ToList();
            if (heading.Heading is null)
            {
                if (content.Count > 0)
                {
                    yield return context.Sections.Read(title, line, content, part: null);
                }

                continue;
            }

            var text = MarkdownSource.PlainText(heading.Heading);
            if (heading.Heading.Level <= 3)
            {
                group = text;
            }

            if (content.Count == 0)
            {
                continue;
            }

            var sectionTitle = heading.Heading.Level > 3 && group is not null ? $"{group} › {text}" : text;
            yield return context.Sections.Read(sectionTitle, context.Source.LineOf(heading.Heading), content, part: null);
        }
    }
}
