using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using DemoConsole.Tests.Shared.Web;
using DemoConsole.Web.Audience;

namespace DemoConsole.Web.Tests.Replicas;

/// <summary>
/// A light audience screen of a console process: signed in with the viewer token, it reads <c>/watch/stream</c> in
/// the background and keeps every view's HTML (decoded) with when it arrived, so a test can wait for what the audience
/// sees and tell when it first saw it.
/// </summary>
internal sealed class AudienceStreamReader : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private Task _reading = Task.CompletedTask;
    private readonly ConcurrentQueue<(long At, string Html)> _views = new();
    private string _latest = "";

    private AudienceStreamReader(Uri console)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = console, Timeout = Timeout.InfiniteTimeSpan };
    }

    public string Latest => Volatile.Read(ref _latest);

    public static async Task<AudienceStreamReader> OpenAsync(Uri console)
    {
        var reader = new AudienceStreamReader(console);
        (await reader._http.GetAsync($"/auth/watch?t={ConsoleProcess.ViewerToken}")).EnsureSuccessStatusCode();
        var response = await reader._http.GetAsync(AudienceEndpoints.StreamPath, HttpCompletionOption.ResponseHeadersRead, reader._stop.Token);
        response.EnsureSuccessStatusCode();
        reader._reading = Task.Run(() => reader.ReadAsync(response));
        return reader;
    }

    private async Task ReadAsync(HttpResponseMessage response)
    {
        using var owned = response;
        try
        {
            using var lines = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token));
            while (await lines.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    var html = WebUtility.HtmlDecode(AudienceFrame.Decompress(Convert.FromBase64String(line["data: ".Length..])));
                    _views.Enqueue((Stopwatch.GetTimestamp(), html));
                    Volatile.Write(ref _latest, html);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException)
        {
            // Closed by the test, or the console went away.
        }
    }

    /// <summary>Whether the newest view shows the pod's row.</summary>
    public bool ShowsPod(string pod) => Shows(Latest, pod);

    /// <summary>When (a <see cref="Stopwatch"/> timestamp) the first view received since <paramref name="since"/> without the pod's row arrived; null: none yet.</summary>
    public long? GoneAt(string pod, long since) =>
        _views.Where(v => v.At >= since && !Shows(v.Html, pod)).Select(v => (long?)v.At).FirstOrDefault();

    private static bool Shows(string html, string pod) => html.Contains($"data-pod=\"{pod}\"", StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        _http.Dispose();
        _stop.Dispose();
    }
}
