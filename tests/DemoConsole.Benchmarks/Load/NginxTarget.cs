using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DemoConsole.Tests.Shared;

namespace DemoConsole.Benchmarks.Load;

/// <summary>
/// Debian's nginx started with our own configuration in a temporary directory, on a free loopback port
/// (not the system service), with one or more worker processes. Answers every path with <c>return 200 "ok"</c>;
/// <c>/nginx_status</c> counts requests.
/// </summary>
internal sealed class NginxTarget : IAsyncDisposable
{
    private const string Binary = "/usr/sbin/nginx";
    private readonly Process _process;
    private readonly string _directory;
    private readonly HttpClient _status = new();

    private NginxTarget(Process process, string directory, int port, int workers)
    {
        _process = process;
        _directory = directory;
        Workers = workers;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    /// <summary>nginx worker processes serving requests.</summary>
    public int Workers { get; }

    public static async Task<NginxTarget> StartAsync(int workers = 1)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: apt-get install -y nginx-light");
        }

        var directory = Directory.CreateTempSubdirectory("load-bench-nginx-").FullName;
        var port = FreePort();
        var config = $$"""
            daemon off;
            master_process on;
            worker_processes {{workers}};
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 4096; }
            http {
              access_log off;
              client_body_temp_path {{directory}}/body;
              proxy_temp_path {{directory}}/proxy;
              fastcgi_temp_path {{directory}}/fastcgi;
              uwsgi_temp_path {{directory}}/uwsgi;
              scgi_temp_path {{directory}}/scgi;
              keepalive_requests 1000000;
              server {
                listen 127.0.0.1:{{port}} backlog=4096;
                location = /nginx_status { stub_status; }
                location / { default_type text/plain; return 200 "ok"; }
              }
            }
            """;
        var configPath = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(configPath, config);
        var process = Process.Start(new ProcessStartInfo(Binary, ["-p", directory, "-e", Path.Combine(directory, "error.log"), "-c", configPath])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("nginx did not start");
        var target = new NginxTarget(process, directory, port, workers);
        await target.WaitUntilListeningAsync();
        return target;
    }

    /// <summary>
    /// Requests nginx handled while <paramref name="load"/> ran, read from stub_status before and after.
    /// stub_status counts each status query itself, so the "after" query is taken off the difference.
    /// </summary>
    public async Task<long> CountRequestsAsync(Func<Task> load)
    {
        var before = await RawRequestCountAsync();
        await load();
        return await RawRequestCountAsync() - before - 1;
    }

    private async Task<long> RawRequestCountAsync()
    {
        var text = await _status.GetStringAsync(new Uri(BaseAddress, "/nginx_status"));
        var numbers = text.Split('\n')[2].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return long.Parse(numbers[2], CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        _status.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private Task WaitUntilListeningAsync() =>
        AsyncWait.UntilAsync(AcceptsConnectionAsync, $"nginx to listen on {BaseAddress}", TimeSpan.FromSeconds(5));

    private async Task<bool> AcceptsConnectionAsync()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException("nginx exited: " + await _process.StandardError.ReadToEndAsync());
        }

        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, BaseAddress.Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
