using System.Globalization;
using DemoConsole.Sandbox.Metrics;

namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>The parser's label lists, selectors' matchers and literals.</summary>
internal sealed partial class Parser
{
    private List<string> ParseLabelList()
    {
        Expect(TokenKind.LeftParen, "\"(\"");
        var labels = new List<string>();
        while (Peek.Kind == TokenKind.Identifier)
        {
            labels.Add(Take().Text);
            if (Peek.Kind != TokenKind.Comma)
            {
                break;
            }

            Take();
        }

        Expect(TokenKind.RightParen, "\")\"");
        return labels;
    }

    private List<LabelMatcher> ParseMatchers(string? metricName)
    {
        var matchers = new List<LabelMatcher>();
        if (metricName is not null)
        {
            matchers.Add(new LabelMatcher(LabelSet.MetricName, MatchOp.Equal, metricName));
        }

        if (Peek.Kind == TokenKind.LeftBrace)
        {
            Take();
            while (Peek.Kind == TokenKind.Identifier)
            {
                var label = Take().Text;
                var opToken = Expect(TokenKind.Operator, "label matching operator");
                var op = opToken.Text switch
                {
                    "=" => MatchOp.Equal,
                    "!=" => MatchOp.NotEqual,
                    "=~" => MatchOp.Regex,
                    "!~" => MatchOp.NotRegex,
                    _ => throw Error($"unexpected {Describe(opToken)} in label matching, expected label matching operator"),
                };
                matchers.Add(new LabelMatcher(label, op, Expect(TokenKind.String, "string").Text));
                if (Peek.Kind != TokenKind.Comma)
                {
                    break;
                }

                Take();
            }

            Expect(TokenKind.RightBrace, "\"}\"");
        }

        if (matchers.All(m => m.Matches("")))
        {
            throw Error("vector selector must contain at least one non-empty matcher");
        }

        return matchers;
    }

    private static string Describe(Token token) => token.Kind switch
    {
        TokenKind.End => "end of input",
        TokenKind.Identifier => $"identifier \"{token.Text}\"",
        TokenKind.String => $"string \"{token.Text}\"",
        _ => $"\"{token.Text}\"",
    };

    private static double ParseNumber(string text)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return long.Parse(text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }

        return text.ToUpperInvariant() switch
        {
            "INF" => double.PositiveInfinity,
            "NAN" => double.NaN,
            _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
    }
}
