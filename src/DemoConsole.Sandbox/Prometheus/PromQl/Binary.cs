namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>A binary operation (arithmetic, comparison with or without <c>bool</c>, and/or/unless).</summary>
internal sealed record Binary(string Op, Expr Left, Expr Right, bool ReturnBool, VectorMatching Matching) : Expr
{
    public override ValueKind Type => Left.Type == ValueKind.Scalar && Right.Type == ValueKind.Scalar ? ValueKind.Scalar : ValueKind.Vector;

    public bool IsComparison => Op is "==" or "!=" or ">" or "<" or ">=" or "<=";

    public bool IsSetOperator => Op is "and" or "or" or "unless";
}
