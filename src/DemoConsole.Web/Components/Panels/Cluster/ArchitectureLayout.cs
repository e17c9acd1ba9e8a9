using DemoConsole.Core.Cluster;

namespace DemoConsole.Web.Components.Panels.Cluster;

/// <summary>
/// Where each part of the architecture diagram goes, in a fixed layered layout that reads from the back of a room:
/// the delivery path as a band on top, the application namespace's request path in columns below it (ingress →
/// gateway → services → data), and the other namespaces as regions side by side at the bottom. Nothing moves between
/// refreshes except a workload's numbers and colour.
/// </summary>
public sealed record ArchitectureLayout(
    double Height,
    IReadOnlyList<ArchitectureLayout.Box> Delivery,
    ArchitectureLayout.Area Application,
    IReadOnlyList<ArchitectureLayout.Column> Columns,
    IReadOnlyList<ArchitectureLayout.Area> Regions)
{
    public const double Width = 1200;
    public const double Margin = 16;
    public const double NodeWidth = 230;
    public const double NodeHeight = 46;
    public const int NodeCharacters = 26;
    public const int RegionCharacters = 30;
    public const double RegionRow = 26;
    private const double BandHeight = 58;
    private const double HeaderHeight = 34;
    private const double Gap = 12;
    private const double SectionGap = 26;

    /// <summary>A box with a title and a detail line.</summary>
    public sealed record Box(double X, double Y, double W, string Title, string Detail);

    /// <summary>A framed region with its heading.</summary>
    public sealed record Area(double X, double Y, double W, double H, string Heading, IReadOnlyList<Placed> Workloads);

    /// <summary>One column of the request path: its caption and its workloads, top to bottom.</summary>
    public sealed record Column(double X, string Caption, IReadOnlyList<Placed> Workloads);

    public sealed record Placed(ArchitectureWorkload Workload, double X, double Y);

    public static ArchitectureLayout Of(ArchitectureView view)
    {
        var delivery = DeliveryBand(view);
        var top = Margin + BandHeight + SectionGap;
        var columns = RequestPath(view, top + HeaderHeight + 22);
        var rows = Math.Max(1, columns.Select(c => c.Workloads.Count).DefaultIfEmpty(1).Max());
        var appHeight = HeaderHeight + 22 + rows * (NodeHeight + Gap) + Gap;
        var heading = view.ApplicationMtlsMode is { } mode ? $"{view.ApplicationNamespace} · mTLS {mode}" : view.ApplicationNamespace;
        var application = new Area(Margin, top, Width - 2 * Margin, appHeight, heading, [.. columns.SelectMany(c => c.Workloads)]);
        var regions = PlaceRegions(view, top + appHeight + SectionGap);
        var bottom = regions.Count == 0 ? application.Y + application.H : regions.Max(r => r.Y + r.H);
        return new ArchitectureLayout(bottom + Margin, delivery, application, columns, regions);
    }

    /// <summary>GitHub → Actions → registry → Argo CD → cluster, with Argo CD's live sync state for the application namespace.</summary>
    private static List<Box> DeliveryBand(ArchitectureView view)
    {
        var app = view.Applications.FirstOrDefault(a => a.DestinationNamespace == view.ApplicationNamespace) ?? (view.Applications.Count > 0 ? view.Applications[0] : null);
        var steps = new (string Title, string Detail)[]
        {
            ("GitHub", Resources.UiText.Get("Architecture_Push")),
            ("GitHub Actions", Resources.UiText.Get("Architecture_Build")),
            (Resources.UiText.Get("Architecture_Registry"), Resources.UiText.Get("Architecture_ImagePushed")),
            ("Argo CD", app is null ? Resources.UiText.Get("Architecture_NoApplication") : $"{app.Sync} · {app.Health}"),
            ("Kubernetes", $"{view.ApplicationNamespace}"),
        };
        var width = (Width - 2 * Margin - (steps.Length - 1) * 40) / steps.Length;
        return steps.Select((s, i) => new Box(Margin + i * (width + 40), Margin, width, s.Title, s.Detail)).ToList();
    }

    private static List<Column> RequestPath(ArchitectureView view, double top)
    {
        var layers = new (string Caption, IReadOnlyList<ArchitectureWorkload> Workloads)[]
        {
            (Resources.UiText.Get("Architecture_Ingress"), view.Ingress), (Resources.UiText.Get("Architecture_Gateway"), view.Gateways), (Resources.UiText.Get("Architecture_Services"), view.Services), (Resources.UiText.Get("Architecture_Data"), view.DataStores),
        };
        var inUse = layers.Where(l => l.Workloads.Count > 0).ToList();
        var columnWidth = (Width - 2 * Margin) / Math.Max(1, inUse.Count);
        return inUse.Select((layer, i) =>
        {
            var x = Margin + i * columnWidth + (columnWidth - NodeWidth) / 2;
            var placed = layer.Workloads.Select((w, row) => new Placed(w, x, top + row * (NodeHeight + Gap))).ToList();
            return new Column(x, layer.Caption, placed);
        }).ToList();
    }

    private static List<Area> PlaceRegions(ArchitectureView view, double top)
    {
        var regions = view.Regions;
        var width = (Width - 2 * Margin - Math.Max(0, regions.Count - 1) * Gap) / Math.Max(1, regions.Count);
        var rows = Math.Max(1, regions.Select(r => r.Workloads.Count).DefaultIfEmpty(1).Max());
        var height = HeaderHeight + rows * RegionRow + Gap;
        return regions.Select((r, i) =>
        {
            var x = Margin + i * (width + Gap);
            var heading = r.MtlsMode is { } mode && mode != "UNSET" ? $"{r.Namespace} · mTLS {mode}" : r.Namespace;
            var placed = r.Workloads.Select((w, row) => new Placed(w, x + 12, top + HeaderHeight + row * RegionRow)).ToList();
            return new Area(x, top, width, height, heading, placed);
        }).ToList();
    }
}
