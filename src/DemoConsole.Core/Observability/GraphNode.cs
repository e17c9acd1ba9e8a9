namespace DemoConsole.Core.Observability;

/// <summary>A workload of the graph.</summary>
public sealed record GraphNode(string Id, GraphLayer Layer);
