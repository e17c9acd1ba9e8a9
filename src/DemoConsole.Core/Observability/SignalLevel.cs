namespace DemoConsole.Core.Observability;

/// <summary>How a signal reads against the runbook's thresholds; <see cref="NoData"/> when there is no traffic to judge.</summary>
public enum SignalLevel
{
    NoData,
    Normal,
    Caution,
    Danger,
}
