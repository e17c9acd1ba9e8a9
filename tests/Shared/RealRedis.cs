using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using DemoConsole.Tests.Shared.Observability;

namespace DemoConsole.Tests.Shared;

/// <summary>
/// Debian's real <c>redis-server</c> on a loopback port for one test, keeping nothing on disk (no snapshot, no
/// append-only file), so a restart comes back empty as a restarted Redis without persistence does. Installed by
/// .ci/run (<c>apt-get install redis-server</c>). Killed by its own process id.
/// </summary>
public sealed class RealRedis : IAsyncDisposable
{
    public const string ServerPath = "/usr/bin/redis-server";

    private Process? _process;

    private RealRedis(int port) => Port = port;

    public int Port { get; }

    /// <summary>The StackExchange.Redis connection string, as <c>DemoConsole:Redis</c> takes it.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>
    /// Settings of a console process that is a replica on this Redis: no state file, its embedded sandbox on free ports
    /// (every replica starts its own), warnings only in its log.
    /// </summary>
    public Dictionary<string, string> ReplicaSettings() => new()
    {
        ["DemoConsole__Redis"] = ConnectionString,
        ["DemoConsole__StateFile"] = "",
        ["DemoConsole__Cluster__SandboxApiPort"] = "0",
        ["DemoConsole__Cluster__SandboxGatewayPort"] = "0",
        ["DemoConsole__Cluster__SandboxGitHubPort"] = "0",
        ["DemoConsole__Cluster__SandboxPrometheusPort"] = "0",
        ["Serilog__MinimumLevel__Default"] = "Warning",
    };

    public static async Task<RealRedis> StartAsync()
    {
        if (!File.Exists(ServerPath))
        {
            throw new InvalidOperationException($"{ServerPath} is missing: apt-get install -y redis-server (see .ci/run).");
        }

        var redis = new RealRedis(RealPrometheus.FreePort());
        await redis.StartAgainAsync();
        return redis;
    }

    /// <summary>Starts the server (again, on the same port after <see cref="Kill"/>) and waits until it answers PING.</summary>
    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo(ServerPath) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", Path.GetTempPath() })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await AsyncWait.UntilAsync(PingAsync, "redis-server to answer PING");
    }

    /// <summary>SIGKILL: Redis gone at once, with everything it held.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }
}
