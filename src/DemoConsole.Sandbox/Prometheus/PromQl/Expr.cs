namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>A parsed PromQL expression; <see cref="Type"/> is its result type, checked at parse time as Prometheus does.</summary>
internal abstract record Expr
{
    public abstract ValueKind Type { get; }
}
