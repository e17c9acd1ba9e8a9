namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>A number: <c>0.05</c>, <c>1e3</c>, <c>Inf</c>.</summary>
internal sealed record NumberLiteral(double Value) : Expr
{
    public override ValueKind Type => ValueKind.Scalar;
}
