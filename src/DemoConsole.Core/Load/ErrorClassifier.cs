using System.Net.Sockets;

namespace DemoConsole.Core.Load;

/// <summary>Sorts a failed request's exception into the classes the result panel shows.</summary>
internal static class ErrorClassifier
{
    public static LoadErrorClass Classify(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => LoadErrorClass.ConnectRefused,
                    SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown => LoadErrorClass.Reset,
                    SocketError.TimedOut => LoadErrorClass.Timeout,
                    _ => LoadErrorClass.Other,
                };
            }
        }

        // The server closing the connection mid-response surfaces without a SocketException.
        return exception is HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded }
            || exception.InnerException is HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded }
            ? LoadErrorClass.Reset
            : LoadErrorClass.Other;
    }
}
