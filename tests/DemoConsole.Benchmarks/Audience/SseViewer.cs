using System.Buffers.Text;
using System.Text;

namespace DemoConsole.Benchmarks.Audience;

/// <summary>
/// One lightweight audience screen: a GET of <c>/watch/stream</c> on its own HTTP/1.1 connection, read as server-sent
/// events. It records when each view version arrived complete (the blank line that ends the event), in epoch
/// milliseconds; one viewer of the fleet also keeps each version's HTML, which the benchmark reads once per version.
/// </summary>
internal sealed class SseViewer
{
    private readonly List<(long Version, double At)> _arrivals = [];
    private readonly Lock _gate = new();
    private readonly bool _keepHtml;
    private readonly Dictionary<long, string> _html = [];

    public SseViewer(bool keepHtml) => _keepHtml = keepHtml;

    public long LastVersion { get; private set; }

    public Task Reading { get; private set; } = Task.CompletedTask;

    public static double Now() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    /// <summary>Versions this viewer received and when.</summary>
    public IReadOnlyList<(long Version, double At)> Arrivals()
    {
        lock (_gate)
        {
            return [.. _arrivals];
        }
    }

    public IReadOnlyDictionary<long, string> Html()
    {
        lock (_gate)
        {
            return new Dictionary<long, string>(_html);
        }
    }

    /// <summary>Sends the request and returns once the response headers arrived; the events are read in the background.</summary>
    public async Task OpenAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var response = await http.GetAsync("/watch/stream", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        Reading = Task.Run(() => ReadAsync(response, body, cancellationToken), CancellationToken.None);
    }

    private async Task ReadAsync(HttpResponseMessage response, Stream body, CancellationToken cancellationToken)
    {
        using var owned = response;
        var buffer = new byte[64 * 1024];
        var line = new List<byte>(256);
        var data = _keepHtml ? new StringBuilder() : null;
        long version = 0;
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                for (var i = 0; i < read; i++)
                {
                    if (buffer[i] != (byte)'\n')
                    {
                        // Only the id line and (for the one keeping HTML) data lines are needed whole.
                        if (line.Count < 16 || data is not null)
                        {
                            line.Add(buffer[i]);
                        }

                        continue;
                    }

                    if (line.Count == 0)
                    {
                        Arrived(version, data);
                        data?.Clear();
                    }
                    else if (StartsWith(line, "id: "u8) && Utf8Parser.TryParse(line.ToArray().AsSpan(4), out long id, out _))
                    {
                        version = id;
                    }
                    else if (data is not null && StartsWith(line, "data: "u8))
                    {
                        data.Append(Encoding.ASCII.GetString(line.ToArray(), 6, line.Count - 6));
                    }

                    line.Clear();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The benchmark closed its viewers.
        }
        catch (IOException) when (cancellationToken.IsCancellationRequested)
        {
            // Closed while a read was in flight.
        }
    }

    private void Arrived(long version, StringBuilder? data)
    {
        var at = Now();
        lock (_gate)
        {
            _arrivals.Add((version, at));
            LastVersion = version;
            if (data is not null)
            {
                _html[version] = Web.Audience.AudienceFrame.Decompress(Convert.FromBase64String(data.ToString()));
            }
        }
    }

    private static bool StartsWith(List<byte> line, ReadOnlySpan<byte> prefix)
    {
        if (line.Count < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (line[i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }
}
