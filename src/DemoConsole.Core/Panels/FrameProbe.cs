using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace DemoConsole.Core.Panels;

/// <summary>Whether a panel URL can be shown in the console's iframe, and if not, why and how to fix it.</summary>
public sealed record FrameProbeResult(bool Reachable, bool Embeddable, string? Problem, string? Fix, DateTimeOffset CheckedAt)
{
    public bool CanShow => Reachable && Embeddable;
}

/// <summary>
/// A browser does not tell a page why an iframe stayed blank, so the server asks the panel itself: is it
/// reachable, and do its X-Frame-Options or CSP frame-ancestors forbid this console's origin?
/// Results are cached briefly so a page with several panels does not hammer Grafana.
/// </summary>
public sealed partial class FrameProbe(HttpClient http, TimeProvider time, ILogger<FrameProbe> logger)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);
    private readonly ConcurrentDictionary<string, FrameProbeResult> _cache = new(StringComparer.Ordinal);

    public async Task<FrameProbeResult> ProbeAsync(Uri url, Uri consoleOrigin, CancellationToken cancellationToken)
    {
        var key = url + "|" + consoleOrigin;
        if (_cache.TryGetValue(key, out var cached) && time.GetUtcNow() - cached.CheckedAt < CacheFor)
        {
            return cached;
        }

        var result = await ProbeUncachedAsync(url, consoleOrigin, cancellationToken);
        _cache[key] = result;
        return result;
    }

    private async Task<FrameProbeResult> ProbeUncachedAsync(Uri url, Uri consoleOrigin, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var refusal = FramingRefusal(response.Headers, response.Content.Headers, consoleOrigin);
            return refusal is null
                ? new FrameProbeResult(true, true, null, null, now)
                : new FrameProbeResult(true, false, refusal, FixFor(url), now);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(url, ex.Message);
            return new FrameProbeResult(false, false, $"{url.GetLeftPart(UriPartial.Authority)} is not reachable from the console ({ex.Message}).",
                "Check the address in the scenario or configuration, and that the service is up and reachable from this machine.", now);
        }
    }

    internal static string? FramingRefusal(HttpResponseHeaders headers, HttpContentHeaders content, Uri consoleOrigin)
    {
        if (headers.TryGetValues("X-Frame-Options", out var frameOptions))
        {
            var value = string.Join(",", frameOptions).Trim();
            if (value.Equals("DENY", StringComparison.OrdinalIgnoreCase) || value.Equals("SAMEORIGIN", StringComparison.OrdinalIgnoreCase))
            {
                return $"It sends X-Frame-Options: {value}, which forbids framing by this console.";
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
        return allowed ? null : $"Its Content-Security-Policy says '{ancestors}', which does not include {origin}.";
    }

    private static string FixFor(Uri url) => url.Port switch
    {
        _ when url.AbsolutePath.Contains("kiali", StringComparison.OrdinalIgnoreCase) =>
            "Kiali: allow this console's origin in the Kiali CR (spec.server.web_root / deployment.ingress or a proxy that drops the header).",
        _ => "Grafana: set [security] allow_embedding = true (GF_SECURITY_ALLOW_EMBEDDING=true) and, for anonymous viewing, enable [auth.anonymous].",
    };

    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Panel {Url} is not reachable: {Reason}")]
    private partial void LogUnreachable(Uri url, string reason);
}
