namespace DemoConsole.Web.Configuration;

/// <summary>
/// A Prometheus or Alertmanager the console reads (<c>DemoConsole:Prometheus</c>, <c>DemoConsole:Alertmanager</c>). The token
/// and password only ever go into an Authorization header: never logged, never sent to a page.
/// </summary>
public sealed class MetricsSourceOptions
{
    /// <summary>Base URL (<c>http://prometheus.monitoring:9090</c>); empty in sandbox mode: the sandbox's own.</summary>
    public string? Url { get; set; }

    public string? BearerToken { get; set; }

    /// <summary>Basic auth user (with <see cref="Password"/>); not together with a bearer token.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>How long one call may take before the source counts as down.</summary>
    public double TimeoutSeconds { get; set; } = 5;
}
