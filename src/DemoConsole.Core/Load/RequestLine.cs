using System.Globalization;

namespace DemoConsole.Core.Load;

/// <summary>
/// One finished request of a sequence or steady run, as the seed's curl loops printed it.
/// <see cref="Latency"/> is measured from the actual send.
/// </summary>
public sealed record RequestLine(long Index, int? StatusCode, LoadErrorClass? Error, TimeSpan Latency)
{
    /// <summary>For example <c>Request 3: HTTP 404, 12 ms</c> or <c>Request 4: timeout, 5000 ms</c>.</summary>
    public override string ToString()
    {
        var outcome = StatusCode is { } code
            ? string.Create(CultureInfo.InvariantCulture, $"HTTP {code}")
            : DescribeError(Error ?? LoadErrorClass.Other);
        return string.Create(CultureInfo.InvariantCulture, $"Request {Index}: {outcome}, {Latency.TotalMilliseconds:0.#} ms");
    }

    public static string DescribeError(LoadErrorClass error) => error switch
    {
        LoadErrorClass.ConnectRefused => "connection refused",
        LoadErrorClass.Timeout => "timeout",
        LoadErrorClass.Reset => "connection reset",
        _ => "error",
    };
}
