namespace DemoConsole.Core.Observability;

/// <summary>The fixed columns of the graph, left to right, so nodes never move between refreshes.</summary>
public enum GraphLayer
{
    Ingress,
    Gateway,
    Service,
    Data,
}
