namespace DemoConsole.Core.Scenarios.Parsing;

/// <summary>Checks the parts as a whole: there are some, they are numbered 1, 2, 3... once each, and each has a script.</summary>
internal static class PartValidator
{
    public static void Validate(DocumentOutline outline, IReadOnlyList<ScenarioSection> sections, ProblemList problems)
    {
        if (outline.Parts.Count == 0)
        {
            problems.Error(outline.ScenarioLine ?? outline.TitleLine, "no parts: add '### 1부: 제목' (or '### Part 1: Title') headings under '## 데모 시나리오' / '## Scenario'");
            return;
        }

        var seen = new Dictionary<int, int>();
        var expected = 1;
        foreach (var part in outline.Parts)
        {
            if (seen.TryGetValue(part.Number, out var firstLine))
            {
                problems.Error(part.Line, $"duplicate part number {part.Number} (first used on line {firstLine})");
                continue;
            }

            seen[part.Number] = part.Line;
            if (part.Number != expected)
            {
                problems.Error(part.Line, $"part {part.Number} found where part {expected} was expected: parts are numbered 1, 2, 3... in order");
            }

            expected = Math.Max(expected, part.Number) + 1;
        }

        foreach (var (part, section) in outline.Parts.Zip(sections))
        {
            if (!section.Script.Any())
            {
                problems.Warning(part.Line, $"part {part.Number} '{part.Title}' has no script (a quote after '**스크립트**:' / '**Script**:')");
            }
        }
    }
}
