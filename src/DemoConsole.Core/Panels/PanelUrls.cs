using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Panels;

public static class PanelUrls
{
    /// <summary>
    /// The URL to put in the iframe: Grafana and Kiali get their kiosk parameter (no menus, more room for the
    /// graph) unless the scenario already sets one.
    /// </summary>
    public static Uri FrameUrl(PanelDefinition panel)
    {
        var query = panel.Url.Query.TrimStart('?');
        if (query.Split('&').Any(p => p == "kiosk" || p.StartsWith("kiosk=", StringComparison.Ordinal)))
        {
            return panel.Url;
        }

        var kiosk = panel.Kind switch
        {
            PanelKind.Grafana => "kiosk",
            PanelKind.Kiali => "kiosk=true",
            _ => null,
        };
        if (kiosk is null)
        {
            return panel.Url;
        }

        var builder = new UriBuilder(panel.Url) { Query = query.Length == 0 ? kiosk : query + "&" + kiosk };
        return builder.Uri;
    }
}
