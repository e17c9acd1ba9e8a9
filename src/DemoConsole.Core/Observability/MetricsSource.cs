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
