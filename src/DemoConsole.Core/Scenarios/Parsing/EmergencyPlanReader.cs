using DemoConsole.Core.Messages;
using Markdig.Syntax;

namespace DemoConsole.Core.Scenarios.Parsing;

/// <summary>Reads "비상 계획 / Emergency plans": every ### heading a plan, the "대응 / Response" text below it.</summary>
internal static class EmergencyPlanReader
{
    public static IEnumerable<EmergencyPlan> Read(IEnumerable<Block> blocks, ParseContext context)
    {
        foreach (var group in HeadingGroups.Split(blocks, maxLevel: 3))
        {
            if (group.Heading is not { } heading)
            {
                continue;
            }

            var title = MarkerWords.StripEmergencyPrefix(MarkdownSource.PlainText(heading));
            var line = context.Source.LineOf(heading);
            var response = context.Collector.Collect(group.Blocks, Label.Response);
            if (response.Length == 0)
            {
                context.Problems.Warning(line, new UiMessage("Scenario_EmergencyNoResponse", title));
            }

            yield return new EmergencyPlan(title, response, line);
        }
    }
}
