using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DemoConsole.Tests.Shared.Web;

/// <summary>
/// The console as a real process (<c>dotnet DemoConsole.dll ...</c>) on a free loopback port, its output collected,
/// for what only a process can show: a command line's start, a kill -9. Killed by its own id when disposed.
/// </summary>
public sealed class ConsoleProcess : IAsyncDisposable
{
    /// <summary>The same keys as <see cref="ConsoleWebFactory"/>, so the browser fixtures' sign-in helpers work for both.</summary>
    public const string PresenterKey = ConsoleWebFactory.PresenterKey;

    public const string ViewerToken = ConsoleWebFactory.ViewerToken;

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ConsoleProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <c>DemoConsole.dll</c> with <paramref name="args"/> and the environment given, and waits until it answers
    /// /health. The free port is chosen before the process binds it, so another process may take it in between (tests
    /// run in parallel): then it starts again on another port.
    /// </summary>
    public static async Task<ConsoleProcess> StartAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(args, environment);
            }
            catch (PortTakenException) when (attempt < 3)
            {
                // Another port next time.
            }
        }
    }

    private static async Task<ConsoleProcess> StartOnceAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DemoConsole.dll"));
        foreach (var arg in args.Concat(["--urls", $"http://127.0.0.1:{port}"]))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DemoConsole__Auth__PresenterKey"] = PresenterKey;
        start.Environment["DemoConsole__Auth__ViewerToken"] = ViewerToken;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var console = new ConsoleProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        console._process.OutputDataReceived += (_, e) => console.Append(e.Data);
        console._process.ErrorDataReceived += (_, e) => console.Append(e.Data);
        console._process.BeginOutputReadLine();
        console._process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = console.Address };
        try
        {
            await WaitUntilHealthyAsync(console, http);
        }
        catch (PortTakenException)
        {
            console._process.Dispose();
            throw;
        }

        return console;
    }

    private static Task WaitUntilHealthyAsync(ConsoleProcess console, HttpClient http) =>
        AsyncWait.UntilAsync(async () =>
        {
            if (console._process.HasExited)
            {
                throw console.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
                    ? new PortTakenException(console.Output)
                    : new InvalidOperationException($"The console exited with {console._process.ExitCode}:\n{console.Output}");
            }

            try
            {
                return (await http.GetAsync("/health")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, "the console process to answer /health", TimeSpan.FromMinutes(2));

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or a pulled plug of the process.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            KillHard();
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class PortTakenException(string output) : Exception(output);
}
