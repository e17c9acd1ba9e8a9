namespace DemoConsole.Sandbox.Prometheus.Rules;

/// <summary>An alert's state, in Prometheus's order (a rule's state is the highest of its alerts').</summary>
internal enum AlertState
{
    Inactive,
    Pending,
    Firing,
}
