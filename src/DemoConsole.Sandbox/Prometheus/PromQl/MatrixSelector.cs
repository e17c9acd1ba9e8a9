namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>A range vector selector: <c>selector[5m]</c>.</summary>
internal sealed record MatrixSelector(VectorSelector Selector, TimeSpan Range) : Expr
{
    public override ValueKind Type => ValueKind.Matrix;
}
