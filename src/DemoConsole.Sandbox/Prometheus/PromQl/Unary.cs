namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>Unary minus (or plus) of a scalar or vector.</summary>
internal sealed record Unary(bool Negate, Expr Operand) : Expr
{
    public override ValueKind Type => Operand.Type;
}
