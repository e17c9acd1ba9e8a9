namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>The four label matcher operators: =, !=, =~, !~.</summary>
internal enum MatchOp
{
    Equal,
    NotEqual,
    Regex,
    NotRegex,
}
