namespace DemoConsole.Core.Observability;

public enum MetricsState
{
    /// <summary>Not asked yet.</summary>
    Starting,

    Up,

    /// <summary>Unreachable, timing out or failing: the "Prometheus down" banner; the last values stay, marked stale.</summary>
    Down,

    NotConfigured,
}
