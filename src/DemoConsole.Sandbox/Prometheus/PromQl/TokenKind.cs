namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>Kinds of PromQL tokens.</summary>
internal enum TokenKind
{
    End,
    Identifier,
    Number,
    Duration,
    String,
    Operator,
    LeftParen,
    RightParen,
    LeftBrace,
    RightBrace,
    LeftBracket,
    RightBracket,
    Comma,
    Colon,
    At,
}
