using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Scenarios.Parsing;

/// <summary>Checks the parts as a whole: there are some, they are numbered 1, 2, 3... once each, and each has a script.</summary>
internal static class PartValidator
{
    public static void Validate(DocumentOutline outline, IReadOnlyList<ScenarioSection> sections, ProblemList problems)
    {
        if (outline.Parts.Count == 0)
        {
            problems.Error(outline.ScenarioLine ?? outline.TitleLine, new UiMessage("Scenario_NoParts"));
            return;
        }

        var seen = new Dictionary<int, int>();
        var expected = 1;
        foreach (var part in outline.Parts)
        {
            if (seen.TryGetValue(part.Number, out var firstLine))
            {
                problems.Error(part.Line, new UiMessage("Scenario_DuplicatePart", part.Number, firstLine));
                continue;
            }

            seen[part.Number] = part.Line;
            if (part.Number != expected)
            {
                problems.Error(part.Line, new UiMessage("Scenario_PartOutOfOrder", part.Number, expected));
            }

            expected = Math.Max(expected, part.Number) + 1;
        }

        foreach (var (part, section) in outline.Parts.Zip(sections))
        {
            if (!section.Script.Any())
            {
                problems.Warning(part.Line, new UiMessage("Scenario_PartNoScript", part.Number, part.Title));
            }
        }
    }
}
