namespace DemoConsole.Sandbox.Prometheus;

/// <summary>One sample: Unix milliseconds and value.</summary>
internal readonly record struct Point(long Time, double Value);
