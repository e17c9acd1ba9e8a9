namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>How two vectors pair up: <c>on(labels)</c> (On = true) or <c>ignoring(labels)</c>; default ignoring nothing.</summary>
internal sealed record VectorMatching(bool On, IReadOnlyList<string> Labels)
{
    public static VectorMatching Default { get; } = new(false, []);
}
