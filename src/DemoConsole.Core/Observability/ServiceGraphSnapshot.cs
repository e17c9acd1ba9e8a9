using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Observability;

/// <summary>The application namespace's service graph as of <see cref="UpdatedAt"/>.</summary>
public sealed record ServiceGraphSnapshot
{
    public MetricsHealth Health { get; init; } = MetricsHealth.Starting;

    public IReadOnlyList<GraphNode> Nodes { get; init; } = [];

    public IReadOnlyList<GraphEdge> Edges { get; init; } = [];

    /// <summary>A query the source refused, in its words.</summary>
    public UiMessage? QueryProblem { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public long Version { get; init; }
}
