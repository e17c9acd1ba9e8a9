using DemoConsole.Core.Observability;

namespace DemoConsole.Tests.Shared.Observability;

/// <summary>
/// An <see cref="IMetricsClient"/> that counts calls and answers from a function the test sets (empty results by default),
/// to check what the poll loops ask, and how often, without a Prometheus.
/// </summary>
public sealed class CountingMetricsClient : IMetricsClient
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Answers every range query; by default an empty matrix (no traffic).</summary>
    public Func<string, MetricsResult<IReadOnlyList<MetricSeries>>> Range { get; set; } = _ => MetricsResult.Ok<IReadOnlyList<MetricSeries>>([]);

    public Func<string, MetricsResult<IReadOnlyList<MetricSample>>> Instant { get; set; } = _ => MetricsResult.Ok<IReadOnlyList<MetricSample>>([]);

    public Task<MetricsResult<IReadOnlyList<MetricSample>>> QueryAsync(string query, DateTimeOffset? time = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(Instant(query));
    }

    public Task<MetricsResult<IReadOnlyList<MetricSeries>>> QueryRangeAsync(string query, DateTimeOffset start, DateTimeOffset end, TimeSpan step, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(Range(query));
    }

    public Task<MetricsResult<IReadOnlyList<AlertingRuleState>>> AlertingRulesAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(MetricsResult.Ok<IReadOnlyList<AlertingRuleState>>([]));
    }

    public Task<MetricsResult<IReadOnlyList<PrometheusAlert>>> AlertsAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(MetricsResult.Ok<IReadOnlyList<PrometheusAlert>>([]));
    }

    public Task<MetricsResult<IReadOnlyList<AlertmanagerAlert>>> AlertmanagerAlertsAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(MetricsResult.Ok<IReadOnlyList<AlertmanagerAlert>>([]));
    }
}
