namespace DemoConsole.Core.Observability;

/// <summary>One labelled number (a service's RPS, a pod's CPU, a response code's rate).</summary>
public sealed record LabelledValue(string Label, double Value, SignalLevel Level = SignalLevel.Normal);
