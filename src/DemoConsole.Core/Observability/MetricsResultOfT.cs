using System.Diagnostics.CodeAnalysis;

namespace DemoConsole.Core.Observability;

/// <summary>The value of a metrics call, or why there is none. Calls never throw for remote failures.</summary>
public sealed record MetricsResult<T>(T? Value, MetricsError? Error, IReadOnlyList<string> Warnings)
{
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;
}
