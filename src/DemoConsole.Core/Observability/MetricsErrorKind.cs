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
