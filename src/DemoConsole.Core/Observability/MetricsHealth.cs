using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Observability;

/// <summary>Whether the metrics source answered the last round, and why not.</summary>
public sealed record MetricsHealth(MetricsState State, UiMessage? Problem, DateTimeOffset? LastSuccess)
{
    public static MetricsHealth Starting { get; } = new(MetricsState.Starting, null, null);

    public bool IsDown => State is MetricsState.Down or MetricsState.NotConfigured;

    /// <summary>The state after a round whose calls gave <paramref name="errors"/> (none: all answered).</summary>
    public static MetricsHealth After(IEnumerable<MetricsError?> errors, MetricsHealth previous, DateTimeOffset now)
    {
        var failures = errors.OfType<MetricsError>().ToList();
        if (failures.FirstOrDefault(e => e.Kind == MetricsErrorKind.NotConfigured) is { } missing)
        {
            return new MetricsHealth(MetricsState.NotConfigured, missing.Message, previous.LastSuccess);
        }

        return failures.FirstOrDefault(e => e.SourceDown) is { } down
            ? new MetricsHealth(MetricsState.Down, down.Message, previous.LastSuccess)
            : new MetricsHealth(MetricsState.Up, null, now);
    }
}
