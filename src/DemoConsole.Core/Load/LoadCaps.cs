using System.Net;

namespace DemoConsole.Core.Load;

/// <summary>
/// Server-side limits every load run must stay within, whoever asks (UI, API or command line).
/// Targets are matched by origin (scheme, host, port); a plan may only aim at an allowed origin.
/// </summary>
public sealed record LoadCaps
{
    /// <summary>Highest open-model rate, and the shortest interval is its inverse.</summary>
    public double MaxRate { get; init; } = 5_000;

    /// <summary>Most requests one run may start (for duration runs: rate × duration).</summary>
    public int MaxRequests { get; init; } = 100_000;

    /// <summary>Longest a bounded run may last. Steady runs are unbounded until stopped.</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Most requests in flight at once; also the most connections.</summary>
    public int MaxInFlight { get; init; } = 1_000;

    /// <summary>Longest per-request timeout.</summary>
    public TimeSpan MaxTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Origins load may be sent to, e.g. the gateway base URL from configuration.</summary>
    public IReadOnlyList<Uri> AllowedTargets { get; init; } = [];

    /// <summary>Whether <paramref name="target"/> has the origin of one of <see cref="AllowedTargets"/>.</summary>
    public bool IsAllowed(Uri target) =>
        target.IsAbsoluteUri && AllowedTargets.Any(allowed => allowed.IsAbsoluteUri && SameOrigin(allowed, target));

    /// <summary>
    /// Caps for the command line: only the one target the user typed, whatever its host (as with wrk and hey, a
    /// URL on one's own command line is meant; this is how a team points the tool at its own gateway). Only an
    /// absolute http(s) URL counts; the rate, count, duration and in-flight caps apply as everywhere.
    /// </summary>
    public static LoadCaps ForCommandLine(Uri target) => new()
    {
        MaxRate = 50_000,
        MaxRequests = 10_000_000,
        MaxDuration = TimeSpan.FromHours(1),
        MaxInFlight = 10_000,
        MaxTimeout = TimeSpan.FromMinutes(10),
        AllowedTargets = IsHttp(target) ? [target] : [],
    };

    /// <summary>Whether <paramref name="target"/> is an absolute http(s) URI on localhost or a loopback address.</summary>
    public static bool IsLoopback(Uri target) =>
        IsHttp(target)
        && (target.IsLoopback || (IPAddress.TryParse(target.DnsSafeHost, out var address) && IPAddress.IsLoopback(address)));

    private static bool IsHttp(Uri target) =>
        target.IsAbsoluteUri && (target.Scheme == Uri.UriSchemeHttp || target.Scheme == Uri.UriSchemeHttps);

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
