using System.Text.RegularExpressions;

namespace DemoConsole.Core.Scenarios.Parsing;

/// <summary>
/// A paragraph that starts with a bold label: <c>**화면**: 터미널</c>, <c>**확인 사항** (Grafana에서):</c>,
/// <c>**Script:**</c>. Runbooks use these as light-weight headings, so the parser reads them as structure.
/// </summary>
/// <param name="Text">The label without its colon.</param>
/// <param name="Qualifier">A parenthesised remark after the label ("Grafana에서"), or null.</param>
/// <param name="Rest">Markdown after the label and colon on the same paragraph; empty when the label stands alone.</param>
internal sealed partial record LabelLine(string Text, string? Qualifier, string Rest)
{
    public Label Kind => MarkerWords.ClassifyLabel(Text);

    /// <summary>The label as a heading for the block it introduces, qualifier included.</summary>
    public string Heading => Qualifier is null ? Text : $"{Text} ({Qualifier})";

    public static LabelLine? TryParse(string paragraphMarkdown)
    {
        var match = Pattern().Match(paragraphMarkdown.Trim());
        if (!match.Success)
        {
            return null;
        }

        var text = match.Groups["label"].Value.Trim().TrimEnd(':', '：').Trim();
        if (text.Length == 0)
        {
            return null;
        }

        var qualifier = match.Groups["qual"].Success ? match.Groups["qual"].Value.Trim() : null;
        var hasColon = match.Groups["label"].Value.TrimEnd().EndsWith(':') || match.Groups["colon"].Success;
        var rest = match.Groups["rest"].Value.Trim();

        // "**Load Generator 배포**가 필요합니다" is a sentence with bold words, not a label.
        if (!hasColon && rest.Length > 0)
        {
            return null;
        }

        return new LabelLine(text, qualifier, rest);
    }

    [GeneratedRegex(@"^(?:\*\*(?<label>[^*\n]+?)\*\*|__(?<label>[^_\n]+?)__)[ \t]*(?:\((?<qual>[^)\n]*)\))?[ \t]*(?<colon>[:：])?[ \t]*(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex Pattern();
}
