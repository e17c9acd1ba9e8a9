using System.Text.RegularExpressions;

namespace DemoConsole.Web.Tests.Localization;

/// <summary>One piece of text in a source file that looks like UI text written in place rather than taken from resources.</summary>
/// <param name="File">Repository-relative path, with forward slashes.</param>
/// <param name="Kind">"hangul" or "english".</param>
public sealed record UiLiteral(string File, int Line, string Kind, string Text)
{
    public override string ToString() => $"{File}:{Line}: {Kind}: {Text}";
}

/// <summary>
/// Finds Hangul anywhere outside comments, and English words where UI text goes: text between tags and the
/// attributes people read (title, aria-label, placeholder, Label, Text, Title, alt) in Razor markup, and string
/// literals that read as a sentence (three words or more) in C#. Comments and log message templates are skipped.
/// Heuristic on purpose: it reports candidates, and the allow-list in <see cref="UiLiteralTests"/> says why each
/// remaining one is not UI text (or not yet localizable).
/// </summary>
public static partial class UiLiteralScanner
{
    public static IEnumerable<UiLiteral> Scan(string root, string relativePath)
    {
        var text = File.ReadAllText(Path.Combine(root, relativePath));
        var path = relativePath.Replace('\\', '/');
        return path.EndsWith(".razor", StringComparison.Ordinal) ? ScanRazor(path, text) : ScanCSharp(path, text);
    }

    private static IEnumerable<UiLiteral> ScanRazor(string path, string text)
    {
        text = RazorComment().Replace(text, m => new string('\n', m.Value.Count(c => c == '\n')));
        var lines = text.Split('\n');
        var codeStart = Array.FindIndex(lines, l => l.TrimStart().StartsWith("@code", StringComparison.Ordinal));
        for (var i = 0; i < lines.Length; i++)
        {
            if (codeStart >= 0 && i >= codeStart)
            {
                foreach (var literal in CSharpLine(path, i + 1, lines[i]))
                {
                    yield return literal;
                }

                continue;
            }

            var line = lines[i];
            if (RazorDirective().IsMatch(line))
            {
                continue;
            }

            if (HasHangul(line))
            {
                yield return new UiLiteral(path, i + 1, "hangul", line.Trim());
            }

            var markup = RazorExpression().Replace(line, " ");
            foreach (Match attribute in ReadAttribute().Matches(markup))
            {
                if (HasWord(attribute.Groups["value"].Value))
                {
                    yield return new UiLiteral(path, i + 1, "english", attribute.Value);
                }
            }

            foreach (var node in TextNodes(markup))
            {
                if (HasWord(node))
                {
                    yield return new UiLiteral(path, i + 1, "english", node.Trim());
                }
            }
        }
    }

    /// <summary>Text between tags on the line, and a line that is text only (a paragraph continued from the line above).</summary>
    private static IEnumerable<string> TextNodes(string markup)
    {
        var withoutAttributes = Attribute().Replace(markup, " ");
        foreach (Match node in BetweenTags().Matches(withoutAttributes))
        {
            yield return node.Groups[1].Value;
        }

        var trimmed = withoutAttributes.Trim();
        if (trimmed.Length > 0 && !trimmed.Contains('<', StringComparison.Ordinal) && !trimmed.Contains('>', StringComparison.Ordinal)
            && !"{}();".Contains(trimmed[0], StringComparison.Ordinal) && !CodeLine().IsMatch(trimmed))
        {
            yield return trimmed;
        }

        if (withoutAttributes.LastIndexOf('>') is var close and >= 0 && withoutAttributes.IndexOf('<', close) < 0)
        {
            yield return withoutAttributes[(close + 1)..];
        }
    }

    private static IEnumerable<UiLiteral> ScanCSharp(string path, string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (var literal in CSharpLine(path, i + 1, lines[i]))
            {
                yield return literal;
            }
        }
    }

    private static IEnumerable<UiLiteral> CSharpLine(string path, int number, string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith('*') || trimmed.StartsWith("/*", StringComparison.Ordinal)
            || trimmed.StartsWith("[LoggerMessage", StringComparison.Ordinal) || trimmed.StartsWith("[GeneratedRegex", StringComparison.Ordinal))
        {
            yield break;
        }

        foreach (Match literal in StringLiteral().Matches(line))
        {
            var content = Interpolation().Replace(literal.Groups["text"].Value, " ");
            if (HasHangul(content))
            {
                yield return new UiLiteral(path, number, "hangul", literal.Value);
            }
            else if (ReadsAsSentence(content))
            {
                yield return new UiLiteral(path, number, "english", literal.Value);
            }
        }
    }

    public static bool HasHangul(string text) => text.Any(c => c is >= '\uAC00' and <= '\uD7A3' or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F');

    /// <summary>
    /// At least one English word of two letters or more with a lower-case letter (markup: a heading, a button label, a
    /// tooltip). All-capital words are kubectl's column headings (NAME, READY, STATUS), kept as the audience knows them.
    /// </summary>
    private static bool HasWord(string text) => Words(text).Any(w => w.Any(char.IsLower));

    /// <summary>Three words or more, two of them lower-case: "There is no page", not "app=load-generator" or "GET".</summary>
    private static bool ReadsAsSentence(string text)
    {
        var words = Words(text).ToList();
        return words.Count >= 3 && words.Count(w => w.All(char.IsLower)) >= 2;
    }

    private static IEnumerable<string> Words(string text) =>
        text.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Trim('.', ',', ':', ';', '!', '?', '(', ')', '"', '\'', '…', '“', '”'))
            .Where(t => t.Length >= 2 && t.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '\''));

    [GeneratedRegex(@"^\s*@(?:using|inject|inherits|implements|layout|page|attribute|typeparam|rendermode|namespace)\b")]
    private static partial Regex RazorDirective();

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    // @(...) one level of nesting, @L["..."], @identifier.member(...) chains.
    [GeneratedRegex(@"@\((?:[^()]|\([^()]*\))*\)|@[A-Za-z_][\w.]*(?:\[[^\]]*\]|\((?:[^()]|\([^()]*\))*\))*")]
    private static partial Regex RazorExpression();

    [GeneratedRegex(@"\b(?:title|aria-label|placeholder|alt|Label|Text|Title|Placeholder)=""(?<value>[^""@][^""]*)""")]
    private static partial Regex ReadAttribute();

    [GeneratedRegex(@"\s[\w:@.-]+=""[^""]*""")]
    private static partial Regex Attribute();

    [GeneratedRegex(@">([^<>]+)<")]
    private static partial Regex BetweenTags();

    [GeneratedRegex(@"^(?:@|if\b|else\b|foreach\b|for\b|switch\b|case\b|break;|var\b|return\b)")]
    private static partial Regex CodeLine();

    [GeneratedRegex(@"(?<![\w""])(?:\$@|@\$|\$|@)?""(?<text>(?:[^""\\]|\\.)*)""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Interpolation();
}
