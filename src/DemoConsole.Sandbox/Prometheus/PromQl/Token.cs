namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>One token with its text (strings unescaped) and its 0-based position in the query.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position);
