namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>A function call: <c>rate(x[5m])</c>, <c>histogram_quantile(0.95, …)</c>.</summary>
internal sealed record Call(string Function, IReadOnlyList<Expr> Args) : Expr
{
    public override ValueKind Type => Functions.ReturnType(Function);
}
