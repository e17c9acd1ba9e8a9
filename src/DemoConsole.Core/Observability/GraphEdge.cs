namespace DemoConsole.Core.Observability;

/// <summary>
/// Traffic from one workload to another over the rate window: requests per second, the share of 5xx, P95 (null: no
/// samples) and whether all of it was mutual TLS (Istio's <c>connection_security_policy</c>). A TCP edge (a data store)
/// has bytes per second instead of requests, and no 5xx or P95.
/// </summary>
public sealed record GraphEdge(string Source, string Target, double Rps, double ErrorPercent, double? P95, bool MutualTls, SignalLevel Level)
{
    /// <summary>Bytes per second the client sent, for a TCP edge; null for HTTP edges.</summary>
    public double? TcpBytesPerSecond { get; init; }
}
