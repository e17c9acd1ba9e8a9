namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>A string literal (only valid as a whole query).</summary>
internal sealed record StringLiteral(string Value) : Expr
{
    public override ValueKind Type => ValueKind.String;
}
