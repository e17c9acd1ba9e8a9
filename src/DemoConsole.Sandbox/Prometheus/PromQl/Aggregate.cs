namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>An aggregation: <c>sum by (a, b) (expr)</c> or <c>sum without (a) (expr)</c>.</summary>
internal sealed record Aggregate(string Op, Expr Inner, IReadOnlyList<string> Grouping, bool Without) : Expr
{
    public override ValueKind Type => ValueKind.Vector;
}
