namespace DemoConsole.Core.Observability;

/// <summary>
/// Where a metrics server is and how to authenticate to it: a bearer token or basic auth, or neither. The secrets are
/// only ever put in an Authorization header; <see cref="ToString"/> hides them so a log line or a page cannot show them.
/// </summary>
public sealed record MetricsSource(Uri Url, string? BearerToken = null, string? Username = null, string? Password = null)
{
    /// <summary>Scheme, host, port and path only: user info in the URL (http://user:pass@…) and query strings are dropped.</summary>
    public override string ToString() => new UriBuilder(Url) { UserName = "", Password = "", Query = "", Fragment = "" }.Uri.ToString();
}

/// <summary>The Prometheus and Alertmanager the console reads: from configuration, or the embedded sandbox's once it listens.</summary>
public interface IMetricsEndpoints
{
    /// <summary>Null when none is configured (the views say so).</summary>
    MetricsSource? Prometheus { get; }

    MetricsSource? Alertmanager { get; }

    /// <summary>How long one call may take before it counts as a timeout.</summary>
    TimeSpan Timeout { get; }
}

/// <summary>Fixed endpoints, for tests and tools.</summary>
public sealed record StaticMetricsEndpoints(MetricsSource? Prometheus, MetricsSource? Alertmanager = null, TimeSpan? CallTimeout = null) : IMetricsEndpoints
{
    public TimeSpan Timeout => CallTimeout ?? TimeSpan.FromSeconds(5);
}
