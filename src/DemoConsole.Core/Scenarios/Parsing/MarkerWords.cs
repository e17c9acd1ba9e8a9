using System.Globalization;
using System.Text.RegularExpressions;

namespace DemoConsole.Core.Scenarios.Parsing;

/// <summary>What a top-level (##) heading of a runbook stands for.</summary>
internal enum TopSection
{
    Other,
    Overview,
    Preparation,
    Scenario,
    Closing,
    Questions,
    Checklists,
    EmergencyPlans,
    ExtraItems,
    Appendix,
}

/// <summary>What a bold label paragraph (<c>**화면**: ...</c>) inside a section stands for.</summary>
internal enum Label
{
    Other,
    Screen,
    Purpose,
    Steps,
    Script,
    Checks,
    Response,
    KeyMessages,
}

/// <summary>
/// The words a runbook uses to mark its structure, in Korean and in English. Kept in one place so the
/// format document (docs/scenario-format.md) and the parser cannot drift apart silently.
/// </summary>
internal static partial class MarkerWords
{
    private static readonly (TopSection Section, string[] Words)[] TopSections =
    [
        (TopSection.Overview, ["데모 개요", "개요", "Overview", "Demo overview"]),
        (TopSection.Preparation, ["데모 준비 사항", "데모 준비", "준비 사항", "Preparation", "Demo preparation"]),
        (TopSection.Scenario, ["데모 시나리오", "시나리오", "Scenario", "Demo scenario"]),
        (TopSection.Closing, ["데모 마무리", "마무리", "Closing", "Wrap-up", "Wrap up"]),
        (TopSection.Questions, ["예상 질문 및 답변", "예상 질문", "Expected questions", "Q&A"]),
        (TopSection.Checklists, ["데모 체크리스트", "체크리스트", "Checklists", "Checklist"]),
        (TopSection.EmergencyPlans, ["비상 계획", "Emergency plans", "Emergency plan", "Contingency plans"]),
        (TopSection.ExtraItems, ["추가 시연 가능 항목", "추가 시연 항목", "Extra items", "Optional extras"]),
        (TopSection.Appendix, ["부록", "Appendix"]),
    ];

    private static readonly (Label Label, string[] Words)[] Labels =
    [
        (Label.Screen, ["화면", "Screen"]),
        (Label.Purpose, ["목적", "Purpose"]),
        (Label.Steps, ["시나리오", "Steps"]),
        (Label.Script, ["스크립트", "Script", "답변", "Answer"]),
        (Label.Checks, ["확인 사항", "Checks"]),
        (Label.Response, ["대응", "Response"]),
        (Label.KeyMessages, ["핵심 메시지", "Key messages"]),
    ];

    /// <summary>The directive fence infos; every other fenced block is a command.</summary>
    public const string ActionFence = "demo-action";

    public const string PanelFence = "demo-panel";

    public const string ViewFence = "demo-view";

    public static TopSection ClassifyTopSection(string headingText)
    {
        foreach (var (section, words) in TopSections)
        {
            if (words.Any(w => StartsWithWord(headingText, w)))
            {
                return section;
            }
        }

        return TopSection.Other;
    }

    public static Label ClassifyLabel(string labelText)
    {
        var text = labelText.Trim();
        foreach (var (label, words) in Labels)
        {
            if (words.Any(w => string.Equals(text, w, StringComparison.OrdinalIgnoreCase)))
            {
                return label;
            }
        }

        return Label.Other;
    }

    /// <summary>
    /// Matches a part heading: "1부: 프로젝트 소개", "Part 1: Introduction", "1부 - ...". <paramref name="label"/> is the part's
    /// name in the heading's own words ("1부", "Part 1"), so screens name parts as the scenario does.
    /// </summary>
    public static bool TryParsePartHeading(string headingText, out int number, out string title, out string label)
    {
        var match = PartHeading().Match(headingText);
        if (!match.Success)
        {
            number = 0;
            title = headingText;
            label = "";
            return false;
        }

        var digits = match.Groups["ko"].Success ? match.Groups["ko"].Value : match.Groups["en"].Value;
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out number))
        {
            // Absurdly long digit runs are still a part heading; the validator reports the number.
            number = int.MaxValue;
        }

        label = match.Groups["ko"].Success ? $"{match.Groups["ko"].Value}부" : $"Part {match.Groups["en"].Value}";
        title = match.Groups["title"].Value.Trim();
        if (title.Length == 0)
        {
            title = headingText.Trim();
        }

        return true;
    }

    /// <summary>Matches "Q1: 질문" and returns the number and the question.</summary>
    public static bool TryParseQuestionHeading(string headingText, out string number, out string question)
    {
        var match = QuestionHeading().Match(headingText);
        number = match.Success ? match.Groups["n"].Value : "";
        question = match.Success ? match.Groups["q"].Value.Trim() : headingText.Trim();
        return match.Success;
    }

    /// <summary>Strips "시나리오 1:" / "Scenario 1:" from an emergency plan heading.</summary>
    public static string StripEmergencyPrefix(string headingText)
    {
        var match = EmergencyHeading().Match(headingText);
        return match.Success && match.Groups["title"].Value.Trim().Length > 0
            ? match.Groups["title"].Value.Trim()
            : headingText.Trim();
    }

    /// <summary>Finds "예상 데모 시간: 20-25분" or "Estimated time: 20-25 min" anywhere in the document.</summary>
    public static bool TryFindBudgetLine(string markdown, out int target, out int limit)
    {
        var match = BudgetLine().Match(markdown);
        target = limit = 0;
        if (!match.Success
            || !int.TryParse(match.Groups["a"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out target))
        {
            return false;
        }

        limit = match.Groups["b"].Success
            && int.TryParse(match.Groups["b"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var b)
            ? b
            : target;
        return target > 0 && limit >= target;
    }

    /// <summary>
    /// "부록: Grafana 가이드" starts with the word "부록", "부록서" does not: the marker must be followed by
    /// the end of the heading or by a separator.
    /// </summary>
    private static bool StartsWithWord(string text, string word)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith(word, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return trimmed.Length == word.Length || !char.IsLetterOrDigit(trimmed[word.Length]);
    }

    [GeneratedRegex(@"^\s*(?:(?<ko>\d+)\s*부|Part\s+(?<en>\d+))\s*[:.\-–—]?\s*(?<title>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex PartHeading();

    [GeneratedRegex(@"^\s*Q\s*(?<n>\d+)\s*[:.)]?\s*(?<q>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex QuestionHeading();

    [GeneratedRegex(@"^\s*(?:시나리오|Scenario|Case)\s*\d+\s*[:.\-–—]\s*(?<title>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex EmergencyHeading();

    [GeneratedRegex(@"(?:예상\s*(?:데모\s*)?시간|Estimated\s+(?:demo\s+)?(?:time|duration))\W{0,6}(?<a>\d{1,3})\s*(?:[-–~]\s*(?<b>\d{1,3}))?\s*(?:분|min)", RegexOptions.IgnoreCase)]
    private static partial Regex BudgetLine();
}
