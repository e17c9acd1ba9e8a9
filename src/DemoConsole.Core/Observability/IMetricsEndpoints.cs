namespace DemoConsole.Core.Observability;

/// <summary>The Prometheus and Alertmanager the console reads: from configuration, or the embedded sandbox's once it listens.</summary>
public interface IMetricsEndpoints
{
    /// <summary>Null when none is configured (the views say so).</summary>
    MetricsSource? Prometheus { get; }

    MetricsSource? Alertmanager { get; }

    /// <summary>How long one call may take before it counts as a timeout.</summary>
    TimeSpan Timeout { get; }
}
