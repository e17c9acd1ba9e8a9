using System.IO.Compression;
using System.Text;

namespace DemoConsole.Web.Audience;

/// <summary>
/// One rendering of the audience view, shared by every light screen: its HTML, and the server-sent event that carries
/// it, built once so a thousand connections cost a thousand writes of the same bytes. The event's data is the HTML
/// compressed (raw deflate, base64): part 6's view is ~22 KB of HTML and ~4 KB compressed, and with a thousand screens
/// the bytes written per change are what the change costs (docs/benchmarks.md, "Audience screens").
/// </summary>
public sealed class AudienceFrame
{
    public static readonly AudienceFrame None = new(0, "");

    public AudienceFrame(long version, string html)
    {
        Version = version;
        Html = html;
        Event = version == 0 ? [] : Encoding.ASCII.GetBytes($"id: {version}\nevent: view\ndata: {Convert.ToBase64String(Compress(html))}\n\n");
    }

    /// <summary>Counts renderings that changed the HTML; the event's <c>id</c>.</summary>
    public long Version { get; }

    public string Html { get; }

    /// <summary><c>id:</c>, <c>event: view</c> and one <c>data:</c> line (base64 of the raw-deflated UTF-8 HTML).</summary>
    public byte[] Event { get; }

    /// <summary>Raw deflate, as the browser's <c>DecompressionStream('deflate-raw')</c> reads it.</summary>
    public static byte[] Compress(string html)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(Encoding.UTF8.GetBytes(html));
        }

        return output.ToArray();
    }

    public static string Decompress(byte[] data)
    {
        using var deflate = new DeflateStream(new MemoryStream(data), CompressionMode.Decompress);
        using var reader = new StreamReader(deflate, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
