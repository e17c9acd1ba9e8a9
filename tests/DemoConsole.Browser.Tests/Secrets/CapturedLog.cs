using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace DemoConsole.Browser.Tests.Secrets;

/// <summary>
/// Every event the console's configured logger writes, rendered the way a sink would store it: the message, every
/// property (a sink writing JSON keeps them all) and the exception with its stack. Registered as a Serilog sink through
/// the console's own <c>ReadFrom.Services</c>, so it sees exactly what a file or console sink would.
/// </summary>
public sealed class CapturedLog : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();

    public void Emit(LogEvent logEvent)
    {
        var properties = string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}"));
        _lines.Enqueue($"{logEvent.Level} {logEvent.RenderMessage(CultureInfo.InvariantCulture)} {properties} {logEvent.Exception}");
    }

    public IReadOnlyList<string> Lines => [.. _lines];
}
