using System.Globalization;
using DemoConsole.Sandbox.Metrics;

namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>
/// Recursive-descent PromQL parser for the twin's subset, with Prometheus's operator precedence and type checks.
/// Valid PromQL outside the subset (offset, @, subqueries, group_left, topk, …) fails with a message naming it.
/// </summary>
internal sealed partial class Parser
{
    private static readonly HashSet<string> SupportedAggregations = ["sum", "avg", "max", "min", "count", "group"];
    private static readonly HashSet<string> OtherAggregations = ["stddev", "stdvar", "topk", "bottomk", "quantile", "count_values", "limitk", "limit_ratio"];

    private readonly List<Token> _tokens;
    private int _next;

    private Parser(string query) => _tokens = Lexer.Tokenize(query);

    public static Expr Parse(string query)
    {
        var parser = new Parser(query);
        if (parser.Peek.Kind == TokenKind.End)
        {
            throw new PromQlException("1:1: parse error: no expression found in input");
        }

        var expr = parser.ParseExpr(0);
        if (parser.Peek.Kind != TokenKind.End)
        {
            throw parser.Error($"unexpected {Describe(parser.Peek)}");
        }

        TypeCheck.Check(expr);
        return expr;
    }

    private Token Peek => _tokens[_next];

    private Token Take() => _tokens[_next++];

    private Expr ParseExpr(int minPrecedence)
    {
        var left = ParseUnary();
        while (BinaryOperator(Peek) is { } op && Precedence(op) >= minPrecedence)
        {
            Take();
            var returnBool = false;
            var matching = VectorMatching.Default;
            if (IsKeyword("bool"))
            {
                Take();
                returnBool = true;
            }

            if (IsKeyword("on") || IsKeyword("ignoring"))
            {
                var on = Take().Text == "on";
                matching = new VectorMatching(on, ParseLabelList());
            }

            if (IsKeyword("group_left") || IsKeyword("group_right"))
            {
                throw PromQlException.Unsupported($"many-to-one matching ({Peek.Text})");
            }

            // ^ is right-associative; everything else binds left.
            var right = ParseExpr(op == "^" ? Precedence(op) : Precedence(op) + 1);
            left = new Binary(op, left, right, returnBool, matching);
        }

        return left;
    }

    private Expr ParseUnary()
    {
        if (Peek.Kind == TokenKind.Operator && Peek.Text is "-" or "+")
        {
            var negate = Take().Text == "-";
            var operand = ParseExpr(Precedence("^"));
            return operand is NumberLiteral n ? new NumberLiteral(negate ? -n.Value : n.Value) : new Unary(negate, operand);
        }

        return ParsePostfix(ParsePrimary());
    }

    private Expr ParsePostfix(Expr expr)
    {
        while (true)
        {
            if (Peek.Kind == TokenKind.LeftBracket)
            {
                Take();
                var range = Expect(TokenKind.Duration, "duration");
                if (Peek.Kind == TokenKind.Colon || (Peek.Kind == TokenKind.Identifier && Peek.Text.StartsWith(':')))
                {
                    throw PromQlException.Unsupported("a subquery");
                }

                Expect(TokenKind.RightBracket, "\"]\"");
                if (expr is not VectorSelector selector)
                {
                    throw Error("ranges only allowed for vector selectors");
                }

                expr = new MatrixSelector(selector, Durations.Parse(range.Text));
            }
            else if (IsKeyword("offset"))
            {
                throw PromQlException.Unsupported("the offset modifier");
            }
            else if (Peek.Kind == TokenKind.At)
            {
                throw PromQlException.Unsupported("the @ modifier");
            }
            else
            {
                return expr;
            }
        }
    }

    private Expr ParsePrimary()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Take();
                return new NumberLiteral(ParseNumber(token.Text));
            case TokenKind.String:
                Take();
                return new StringLiteral(token.Text);
            case TokenKind.LeftParen:
                Take();
                var inner = ParseExpr(0);
                Expect(TokenKind.RightParen, "\")\"");
                return inner;
            case TokenKind.LeftBrace:
                return new VectorSelector(ParseMatchers(null));
            case TokenKind.Identifier:
                return ParseIdentifier();
            default:
                throw Error($"unexpected {Describe(token)}");
        }
    }

    private Expr ParseIdentifier()
    {
        var name = Take().Text;
        var next = Peek.Kind;
        if (SupportedAggregations.Contains(name) || OtherAggregations.Contains(name))
        {
            if (next == TokenKind.LeftParen || IsKeyword("by") || IsKeyword("without"))
            {
                return ParseAggregate(name);
            }
        }

        if (next == TokenKind.LeftParen)
        {
            if (!Functions.IsSupported(name))
            {
                throw PromQlException.Unsupported($"function \"{name}\"");
            }

            Take();
            var args = new List<Expr>();
            while (Peek.Kind != TokenKind.RightParen)
            {
                args.Add(ParseExpr(0));
                if (Peek.Kind != TokenKind.Comma)
                {
                    break;
                }

                Take();
            }

            Expect(TokenKind.RightParen, "\")\"");
            return new Call(name, args);
        }

        if (name.Equals("inf", StringComparison.OrdinalIgnoreCase) || name.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            return new NumberLiteral(ParseNumber(name));
        }

        if (BinaryOperator(new Token(TokenKind.Identifier, name, 0)) is not null || name is "by" or "without" or "bool" or "on" or "ignoring" or "offset")
        {
            throw Error($"unexpected <{name}>");
        }

        return new VectorSelector(ParseMatchers(name));
    }

    private Aggregate ParseAggregate(string op)
    {
        if (OtherAggregations.Contains(op))
        {
            throw PromQlException.Unsupported($"aggregation \"{op}\"");
        }

        IReadOnlyList<string> grouping = [];
        var without = false;
        if (IsKeyword("by") || IsKeyword("without"))
        {
            without = Take().Text == "without";
            grouping = ParseLabelList();
        }

        Expect(TokenKind.LeftParen, "\"(\"");
        var inner = ParseExpr(0);
        if (Peek.Kind == TokenKind.Comma)
        {
            throw Error($"wrong number of arguments for aggregate expression provided, expected 1, got 2");
        }

        Expect(TokenKind.RightParen, "\")\"");
        if (IsKeyword("by") || IsKeyword("without"))
        {
            without = Take().Text == "without";
            grouping = ParseLabelList();
        }

        return new Aggregate(op, inner, grouping, without);
    }

    private static string? BinaryOperator(Token token) => token.Kind switch
    {
        TokenKind.Operator when token.Text != "=" && token.Text != "=~" && token.Text != "!~" => token.Text,
        TokenKind.Identifier when token.Text is "and" or "or" or "unless" => token.Text,
        TokenKind.Identifier when token.Text == "atan2" => throw PromQlException.Unsupported("the atan2 operator"),
        _ => null,
    };

    private static int Precedence(string op) => op switch
    {
        "or" => 1,
        "and" or "unless" => 2,
        "==" or "!=" or "<" or ">" or "<=" or ">=" => 3,
        "+" or "-" => 4,
        "*" or "/" or "%" => 5,
        _ => 6,
    };

    private bool IsKeyword(string word) => Peek.Kind == TokenKind.Identifier && Peek.Text == word;

    private Token Expect(TokenKind kind, string what)
    {
        if (Peek.Kind != kind)
        {
            throw Error($"unexpected {Describe(Peek)}, expected {what}");
        }

        return Take();
    }

    private PromQlException Error(string message) => new($"1:{Peek.Position + 1}: parse error: {message}");
}
