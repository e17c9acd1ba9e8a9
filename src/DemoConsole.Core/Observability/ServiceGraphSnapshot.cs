namespace DemoConsole.Core.Observability;

/// <summary>The fixed columns of the graph, left to right, so nodes never move between refreshes.</summary>
public enum GraphLayer
{
    Ingress,
    Gateway,
    Service,
    Data,
}

/// <summary>A workload of the graph.</summary>
public sealed record GraphNode(string Id, GraphLayer Layer);

/// <summary>
/// Traffic from one workload to another over the rate window: requests per second, the share of 5xx, P95 (null: no
/// samples) and whether all of it was mutual TLS (Istio's <c>connection_security_policy</c>).
/// </summary>
public sealed record GraphEdge(string Source, string Target, double Rps, double ErrorPercent, double? P95, bool MutualTls, SignalLevel Level);

/// <summary>The application namespace's service graph as of <see cref="UpdatedAt"/>.</summary>
public sealed record ServiceGraphSnapshot
{
    public MetricsHealth Health { get; init; } = MetricsHealth.Starting;

    public IReadOnlyList<GraphNode> Nodes { get; init; } = [];

    public IReadOnlyList<GraphEdge> Edges { get; init; } = [];

    /// <summary>A query the source refused, in its words.</summary>
    public string? QueryProblem { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public long Version { get; init; }
}
