using System.Net.Http.Headers;
using DemoConsole.Core.Messages;
using Microsoft.Extensions.Logging;

namespace DemoConsole.Core.Panels;

/// <summary>
/// A browser does not tell a page why an iframe stayed blank, so the server asks the panel itself: is it
/// reachable, and do its X-Frame-Options or CSP frame-ancestors forbid this console's origin?
/// One instance per process: results are shared by every panel and screen for <see cref="CacheLifetime"/>, so
/// a page with several panels, or several screens showing the same part, do not hammer Grafana; a probe in
/// flight is shared too. The lifetime is short so a panel fixed during rehearsal shows up soon.
/// </summary>
public sealed partial class FrameProbe(IHttpClientFactory httpClients, TimeProvider time, ILogger<FrameProbe> logger)
{
    /// <summary>How long one answer of a panel is reused.</summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CachedProbe> _cache = new(StringComparer.Ordinal);

    /// <summary>The name of the <see cref="HttpClient"/> the probe asks <see cref="IHttpClientFactory"/> for.</summary>
    public static string HttpClientName => nameof(FrameProbe);

    public Task<FrameProbeResult> ProbeAsync(Uri url, Uri consoleOrigin, CancellationToken cancellationToken)
    {
        var key = url + "|" + consoleOrigin;
        var now = time.GetUtcNow();
        Task<FrameProbeResult> result;
        lock (_gate)
        {
            if (!_cache.TryGetValue(key, out var entry) || entry.ExpiresAt <= now)
            {
                // The probe is shared by every caller, so no caller's cancellation may end it; it has its own timeout.
                entry = new CachedProbe(Task.Run(() => ProbeUncachedAsync(url, consoleOrigin, now)), now + CacheLifetime);
                RemoveExpired(now);
                _cache[key] = entry;
            }

            result = entry.Result;
        }

        return result.WaitAsync(cancellationToken);
    }

    private void RemoveExpired(DateTimeOffset now)
    {
        foreach (var expired in _cache.Where(p => p.Value.ExpiresAt <= now).Select(p => p.Key).ToList())
        {
            _cache.Remove(expired);
        }
    }

    private async Task<FrameProbeResult> ProbeUncachedAsync(Uri url, Uri consoleOrigin, DateTimeOffset now)
    {
        using var timeout = new CancellationTokenSource(Timeout, time);
        try
        {
            using var http = httpClients.CreateClient(HttpClientName);
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var refusal = FramingRefusal(response.Headers, response.Content.Headers, consoleOrigin);
            return refusal is null
                ? new FrameProbeResult(true, true, null, null, now)
                : new FrameProbeResult(true, false, refusal, FixFor(url), now);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            LogUnreachable(url, ex.Message);
            return new FrameProbeResult(false, false, new UiMessage("Frame_NotReachable", url.GetLeftPart(UriPartial.Authority), ex.Message),
                new UiMessage("Frame_NotReachableFix"), now);
        }
    }

    internal static UiMessage? FramingRefusal(HttpResponseHeaders headers, HttpContentHeaders content, Uri consoleOrigin)
    {
        if (headers.TryGetValues("X-Frame-Options", out var frameOptions))
        {
            var value = string.Join(",", frameOptions).Trim();
            if (value.Equals("DENY", StringComparison.OrdinalIgnoreCase) || value.Equals("SAMEORIGIN", StringComparison.OrdinalIgnoreCase))
            {
                return new UiMessage("Frame_XFrameOptions", value);
            }
        }

        var csp = headers.TryGetValues("Content-Security-Policy", out var values) ? string.Join(";", values)
            : content.TryGetValues("Content-Security-Policy", out var contentValues) ? string.Join(";", contentValues) : null;
        var ancestors = csp?.Split(';').Select(d => d.Trim()).FirstOrDefault(d => d.StartsWith("frame-ancestors", StringComparison.OrdinalIgnoreCase));
        if (ancestors is null)
        {
            return null;
        }

        var sources = ancestors.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var origin = consoleOrigin.GetLeftPart(UriPartial.Authority);
        var allowed = sources.Contains("*") || sources.Any(s => s.TrimEnd('/').Equals(origin, StringComparison.OrdinalIgnoreCase));
        return allowed ? null : new UiMessage("Frame_Csp", ancestors, origin);
    }

    private static UiMessage FixFor(Uri url) =>
        new(url.AbsolutePath.Contains("kiali", StringComparison.OrdinalIgnoreCase) ? "Frame_FixKiali" : "Frame_FixGrafana");

    private sealed record CachedProbe(Task<FrameProbeResult> Result, DateTimeOffset ExpiresAt);

    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Panel {Url} is not reachable: {Reason}")]
    private partial void LogUnreachable(Uri url, string reason);
}
