using Xunit.Abstractions;
using Microsoft.Extensions.Logging;

namespace DemoConsole.Core.Tests.Cluster;

/// <summary>Writes what the code under test logs into the test's output, so a failing run shows the informer's story.</summary>
internal sealed class TestOutputLogger(ITestOutputHelper output) : ILogger, ILoggerFactory
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        try
        {
            output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel}: {formatter(state, exception)}");
        }
        catch (InvalidOperationException)
        {
            // The test already finished; xunit refuses late output.
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }
}
