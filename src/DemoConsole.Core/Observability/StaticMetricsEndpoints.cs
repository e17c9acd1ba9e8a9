namespace DemoConsole.Core.Observability;

/// <summary>Fixed endpoints, for tests and tools.</summary>
public sealed record StaticMetricsEndpoints(MetricsSource? Prometheus, MetricsSource? Alertmanager = null, TimeSpan? CallTimeout = null) : IMetricsEndpoints
{
    public TimeSpan Timeout => CallTimeout ?? TimeSpan.FromSeconds(5);
}
