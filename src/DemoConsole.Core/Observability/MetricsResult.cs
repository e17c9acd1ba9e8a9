using System.Diagnostics.CodeAnalysis;

namespace DemoConsole.Core.Observability;

/// <summary>Why a metrics call gave no value. The screens word each kind differently (a banner for Unreachable, the panel for BadQuery).</summary>
public enum MetricsErrorKind
{
    /// <summary>No URL is configured (or the sandbox has not started yet).</summary>
    NotConfigured,

    /// <summary>The server could not be reached (connection refused, DNS, TLS).</summary>
    Unreachable,

    /// <summary>No answer within the timeout.</summary>
    Timeout,

    /// <summary>Prometheus refused the query itself (errorType bad_data / execution): the query text is wrong.</summary>
    BadQuery,

    /// <summary>The server answered with an error that is not about the query (5xx, 401, an unexpected body).</summary>
    Server,
}

/// <summary>A failed metrics call in words fit for the presenter; never contains credentials.</summary>
public sealed record MetricsError(MetricsErrorKind Kind, string Message)
{
    /// <summary>True when the source itself is down (not a problem of one query): the "Prometheus down" banner.</summary>
    public bool SourceDown => Kind is MetricsErrorKind.Unreachable or MetricsErrorKind.Timeout or MetricsErrorKind.Server;
}

/// <summary>The value of a metrics call, or why there is none. Calls never throw for remote failures.</summary>
public sealed record MetricsResult<T>(T? Value, MetricsError? Error, IReadOnlyList<string> Warnings)
{
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;
}

/// <summary>Builds <see cref="MetricsResult{T}"/> values.</summary>
public static class MetricsResult
{
    public static MetricsResult<T> Ok<T>(T value, IReadOnlyList<string>? warnings = null) => new(value, null, warnings ?? []);

    public static MetricsResult<T> Fail<T>(MetricsErrorKind kind, string message) => new(default, new MetricsError(kind, message), []);
}
