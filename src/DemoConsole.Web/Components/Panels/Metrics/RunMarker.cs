namespace DemoConsole.Web.Components.Panels.Metrics;

/// <summary>An action run drawn on a chart's time axis, so "the spike is our burst" needs no words.</summary>
public sealed record RunMarker(DateTimeOffset At, string Title);
