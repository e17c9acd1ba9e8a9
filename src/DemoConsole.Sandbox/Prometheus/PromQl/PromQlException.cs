namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>
/// A query the twin cannot answer: a parse error, something outside the supported subset, or an execution error.
/// <see cref="ErrorType"/> is Prometheus's errorType (bad_data for parse and unsupported, execution for runtime).
/// </summary>
internal sealed class PromQlException : Exception
{
    public PromQlException(string message, string errorType = "bad_data")
        : base(message)
    {
        ErrorType = errorType;
    }

    public PromQlException()
        : this("invalid query")
    {
    }

    public PromQlException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorType = "bad_data";
    }

    public string ErrorType { get; }

    /// <summary>Something Prometheus supports but the twin does not: named, so nobody mistakes it for a wrong number.</summary>
    public static PromQlException Unsupported(string what) =>
        new($"{what} is not supported by the sandbox's Prometheus twin (supported: selectors, rate/irate/increase, sum/avg/max/min/count, histogram_quantile, arithmetic and comparisons)");
}
