using System.Text;

namespace DemoConsole.Web.Audience;

/// <summary>
/// One rendering of the audience view, shared by every light screen: its HTML, and the server-sent event that
/// carries it, encoded once so a thousand connections cost a thousand writes of the same bytes, not a thousand encodings.
/// </summary>
public sealed class AudienceFrame
{
    public static readonly AudienceFrame None = new(0, "");

    public AudienceFrame(long version, string html)
    {
        Version = version;
        Html = html;
        Event = version == 0 ? [] : Encoding.UTF8.GetBytes(ServerSentEvent(version, html));
    }

    /// <summary>Counts renderings that changed the HTML; the event's <c>id</c>.</summary>
    public long Version { get; }

    public string Html { get; }

    /// <summary><c>id:</c>, <c>event: view</c> and one <c>data:</c> line per line of HTML, as the EventSource format wants.</summary>
    public byte[] Event { get; }

    private static string ServerSentEvent(long version, string html)
    {
        var text = new StringBuilder(html.Length + 64);
        text.Append("id: ").Append(version).Append("\nevent: view\n");
        foreach (var line in html.Split('\n'))
        {
            text.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
        }

        return text.Append('\n').ToString();
    }
}
