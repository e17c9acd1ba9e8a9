namespace DemoConsole.Core.Load;

/// <summary>Why a request got no HTTP response.</summary>
public enum LoadErrorClass
{
    /// <summary>The target refused the TCP connection.</summary>
    ConnectRefused,

    /// <summary>No complete response within the plan's per-request timeout.</summary>
    Timeout,

    /// <summary>The connection was reset or closed before the response was complete.</summary>
    Reset,

    /// <summary>Anything else (name resolution, protocol error, ...).</summary>
    Other,
}
