using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Observability;

/// <summary>Builds <see cref="MetricsResult{T}"/> values.</summary>
public static class MetricsResult
{
    public static MetricsResult<T> Ok<T>(T value, IReadOnlyList<string>? warnings = null) => new(value, null, warnings ?? []);

    public static MetricsResult<T> Fail<T>(MetricsErrorKind kind, UiMessage message) => new(default, new MetricsError(kind, message), []);
}
