namespace DemoConsole.Sandbox.Prometheus.Api;

/// <summary>An error answered with Prometheus's envelope; the HTTP status follows from the errorType as in web/api/v1.</summary>
internal sealed class ApiError(string errorType, string message) : Exception(message)
{
    public string ErrorType => errorType;

    public int HttpStatus => errorType switch
    {
        "bad_data" => 400,
        "execution" => 422,
        "timeout" => 503,
        "canceled" => 499,
        "not_found" => 404,
        _ => 500,
    };

    public static ApiError BadData(string message) => new("bad_data", message);
}
