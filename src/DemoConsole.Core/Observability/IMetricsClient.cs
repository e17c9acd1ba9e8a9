namespace DemoConsole.Core.Observability;

/// <summary>
/// The Prometheus HTTP API (<c>/api/v1/query</c>, <c>/query_range</c>, <c>/rules</c>, <c>/alerts</c>) and Alertmanager's API v2
/// (<c>/api/v2/alerts</c>), typed. The same calls work against a real Prometheus and the sandbox's twin. Never throws for
/// a remote failure: an unreachable server, a timeout or Prometheus's error envelope come back as <see cref="MetricsResult{T}.Error"/>.
/// </summary>
public interface IMetricsClient
{
    /// <summary>An instant query at <paramref name="time"/> (now when null). A scalar result comes back as one sample without labels.</summary>
    Task<MetricsResult<IReadOnlyList<MetricSample>>> QueryAsync(string query, DateTimeOffset? time = null, CancellationToken cancellationToken = default);

    /// <summary>A range query from <paramref name="start"/> to <paramref name="end"/> every <paramref name="step"/>.</summary>
    Task<MetricsResult<IReadOnlyList<MetricSeries>>> QueryRangeAsync(string query, DateTimeOffset start, DateTimeOffset end, TimeSpan step, CancellationToken cancellationToken = default);

    /// <summary>Every alerting rule Prometheus evaluates, with its state and active alerts (recording rules are left out).</summary>
    Task<MetricsResult<IReadOnlyList<AlertingRuleState>>> AlertingRulesAsync(CancellationToken cancellationToken = default);

    /// <summary>Pending and firing alerts.</summary>
    Task<MetricsResult<IReadOnlyList<PrometheusAlert>>> AlertsAsync(CancellationToken cancellationToken = default);

    /// <summary>Alertmanager's active alerts; <see cref="MetricsErrorKind.NotConfigured"/> without an Alertmanager URL.</summary>
    Task<MetricsResult<IReadOnlyList<AlertmanagerAlert>>> AlertmanagerAlertsAsync(CancellationToken cancellationToken = default);
}
