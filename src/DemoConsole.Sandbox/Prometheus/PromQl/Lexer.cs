using System.Text;

namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>Splits a PromQL query into tokens (numbers, durations, strings, identifiers, operators, brackets).</summary>
internal static class Lexer
{
    private static readonly string[] Operators = ["==", "!=", "=~", "!~", "<=", ">=", "+", "-", "*", "/", "%", "^", "<", ">", "="];

    public static List<Token> Tokenize(string query)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '#')
            {
                while (i < query.Length && query[i] != '\n')
                {
                    i++;
                }

                continue;
            }

            var start = i;
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < query.Length && char.IsAsciiDigit(query[i + 1])))
            {
                tokens.Add(NumberOrDuration(query, ref i));
            }
            else if (char.IsAsciiLetter(c) || c is '_' or ':')
            {
                while (i < query.Length && (char.IsAsciiLetterOrDigit(query[i]) || query[i] is '_' or ':'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Identifier, query[start..i], start));
            }
            else if (c is '"' or '\'' or '`')
            {
                tokens.Add(new Token(TokenKind.String, ReadString(query, ref i), start));
            }
            else if (Single(c) is { } kind)
            {
                tokens.Add(new Token(kind, c.ToString(), start));
                i++;
            }
            else if (Operators.FirstOrDefault(o => string.CompareOrdinal(query, i, o, 0, o.Length) == 0) is { } op)
            {
                tokens.Add(new Token(TokenKind.Operator, op, start));
                i += op.Length;
            }
            else
            {
                throw new PromQlException($"1:{start + 1}: parse error: unexpected character: '{c}'");
            }
        }

        tokens.Add(new Token(TokenKind.End, "", query.Length));
        return tokens;
    }

    private static TokenKind? Single(char c) => c switch
    {
        '(' => TokenKind.LeftParen,
        ')' => TokenKind.RightParen,
        '{' => TokenKind.LeftBrace,
        '}' => TokenKind.RightBrace,
        '[' => TokenKind.LeftBracket,
        ']' => TokenKind.RightBracket,
        ',' => TokenKind.Comma,
        ':' => TokenKind.Colon,
        '@' => TokenKind.At,
        _ => null,
    };

    private static Token NumberOrDuration(string query, ref int i)
    {
        var start = i;
        if (query[i] == '0' && i + 1 < query.Length && query[i + 1] is 'x' or 'X')
        {
            i += 2;
            while (i < query.Length && char.IsAsciiHexDigit(query[i]))
            {
                i++;
            }

            return new Token(TokenKind.Number, query[start..i], start);
        }

        while (i < query.Length && char.IsAsciiDigit(query[i]))
        {
            i++;
        }

        if (i < query.Length && IsUnitStart(query, i))
        {
            // A duration: one or more number+unit pairs (1h30m).
            while (i < query.Length && (char.IsAsciiDigit(query[i]) || IsUnitStart(query, i)))
            {
                i += query[i] == 'm' && i + 1 < query.Length && query[i + 1] == 's' ? 2 : 1;
            }

            return new Token(TokenKind.Duration, query[start..i], start);
        }

        if (i < query.Length && query[i] == '.')
        {
            i++;
            while (i < query.Length && char.IsAsciiDigit(query[i]))
            {
                i++;
            }
        }

        if (i < query.Length && query[i] is 'e' or 'E')
        {
            i++;
            if (i < query.Length && query[i] is '+' or '-')
            {
                i++;
            }

            while (i < query.Length && char.IsAsciiDigit(query[i]))
            {
                i++;
            }
        }

        return new Token(TokenKind.Number, query[start..i], start);
    }

    private static bool IsUnitStart(string query, int i) =>
        query[i] is 's' or 'm' or 'h' or 'd' or 'w' or 'y'
        && (i + 1 >= query.Length || !char.IsAsciiLetter(query[i + 1]) || (query[i] == 'm' && query[i + 1] == 's'));

    private static string ReadString(string query, ref int i)
    {
        var quote = query[i++];
        var text = new StringBuilder();
        while (i < query.Length && query[i] != quote)
        {
            var c = query[i++];
            if (c == '\\' && quote != '`' && i < query.Length)
            {
                var escaped = query[i++];
                text.Append(escaped switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    _ => escaped,
                });
            }
            else
            {
                text.Append(c);
            }
        }

        if (i >= query.Length)
        {
            throw new PromQlException("1:" + (i + 1) + ": parse error: unterminated quoted string");
        }

        i++;
        return text.ToString();
    }
}
