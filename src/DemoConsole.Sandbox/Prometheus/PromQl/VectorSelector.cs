namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>An instant vector selector: <c>name{label="value",…}</c> (the name is a <c>__name__</c> matcher).</summary>
internal sealed record VectorSelector(IReadOnlyList<LabelMatcher> Matchers) : Expr
{
    public override ValueKind Type => ValueKind.Vector;
}
