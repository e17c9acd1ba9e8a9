using System.Net;
using DemoConsole.Tests.Shared.Web;
using DemoConsole.Web.Audience;

namespace DemoConsole.Web.Tests.Replicas;

/// <summary>
/// A light audience screen of a console process: signed in with the viewer token, it reads <c>/watch/stream</c> in
/// the background and keeps the newest view's HTML (decoded), so a test can wait for what the audience sees.
/// </summary>
internal sealed class AudienceStreamReader : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private Task _reading = Task.CompletedTask;
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
                    Volatile.Write(ref _latest, WebUtility.HtmlDecode(AudienceFrame.Decompress(Convert.FromBase64String(line["data: ".Length..]))));
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException)
        {
            // Closed by the test, or the console went away.
        }
    }

    /// <summary>Whether the newest view shows the pod's row.</summary>
    public bool ShowsPod(string pod) => Latest.Contains($"data-pod=\"{pod}\"", StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        _http.Dispose();
        _stop.Dispose();
    }
}
