using System.Globalization;
using DemoConsole.Core.Observability;

namespace DemoConsole.Web.Components.Panels.Metrics;

/// <summary>Where each node and edge of the service graph goes: one column per layer, nodes stacked in name order.</summary>
public sealed record GraphLayout(double Width, double Height, IReadOnlyList<GraphLayout.PlacedNode> Nodes, IReadOnlyList<GraphLayout.PlacedEdge> Edges)
{
    public const double NodeWidth = 170;

    /// <summary>The longest node label that fits <see cref="NodeWidth"/> (the demo's longest, "istio-ingressgateway", is 20).</summary>
    public const int LabelCharacters = 22;
    public const double NodeHeight = 40;
    private const double ColumnGap = 170;
    private const double RowGap = 56;
    private const double Margin = 16;

    // Room above the top row for an edge's label and lock.
    private const double TopPad = 32;

    public static GraphLayout Empty { get; } = new(0, 0, [], []);

    public sealed record PlacedNode(GraphNode Node, double X, double Y);

    public sealed record PlacedEdge(GraphEdge Edge, string Path, double LabelX, double LabelY);

    public static GraphLayout Of(ServiceGraphSnapshot snapshot)
    {
        // Only the layers in use get a column, so a graph without a gateway has no empty gap.
        var layers = snapshot.Nodes.Select(n => n.Layer).Distinct().Order().ToList();
        var rows = Math.Max(1, snapshot.Nodes.GroupBy(n => n.Layer).Select(g => g.Count()).DefaultIfEmpty(1).Max());
        var height = TopPad + Margin * 2 + rows * NodeHeight + (rows - 1) * RowGap;
        var placed = new Dictionary<string, PlacedNode>(StringComparer.Ordinal);
        foreach (var group in snapshot.Nodes.GroupBy(n => n.Layer))
        {
            var column = layers.IndexOf(group.Key);
            var nodes = group.OrderBy(n => n.Id, StringComparer.Ordinal).ToList();
            var columnHeight = nodes.Count * NodeHeight + (nodes.Count - 1) * RowGap;
            var top = TopPad + (height - TopPad - columnHeight) / 2;
            for (var i = 0; i < nodes.Count; i++)
            {
                placed[nodes[i].Id] = new PlacedNode(nodes[i], Margin + column * (NodeWidth + ColumnGap), top + i * (NodeHeight + RowGap));
            }
        }

        var edges = snapshot.Edges.Where(e => placed.ContainsKey(e.Source) && placed.ContainsKey(e.Target)).Select(e =>
        {
            var from = placed[e.Source];
            var to = placed[e.Target];
            var (x1, y1) = (from.X + NodeWidth, from.Y + NodeHeight / 2);
            var (x2, y2) = (to.X, to.Y + NodeHeight / 2);
            if (to.X <= from.X)
            {
                // Same column (service to service): a loop out to the right and back.
                (x1, x2) = (from.X + NodeWidth, to.X + NodeWidth);
                var bulge = x1 + ColumnGap * 0.6;
                return new PlacedEdge(e, Invariant($"M {x1} {y1} C {bulge} {y1}, {bulge} {y2}, {x2} {y2}"), bulge, (y1 + y2) / 2);
            }

            var mid = (x1 + x2) / 2;
            return new PlacedEdge(e, Invariant($"M {x1} {y1} C {mid} {y1}, {mid} {y2}, {x2} {y2}"), mid, (y1 + y2) / 2 - 18);
        }).ToList();
        var width = Margin * 2 + layers.Count * NodeWidth + Math.Max(0, layers.Count - 1) * ColumnGap;
        return new GraphLayout(width, height, [.. placed.Values], edges);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
