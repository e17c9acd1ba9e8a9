using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DemoConsole.Tests.Shared;

namespace DemoConsole.Sandbox.Tests.Support;

/// <summary>
/// The real Alertmanager (Debian's prometheus-alertmanager) started for one test: temp config and storage, loopback
/// port, clustering off, one "null" receiver as kube-prometheus-stack's default. Never the system service.
/// </summary>
internal sealed class RealAlertmanager : IAsyncDisposable
{
    public const string Binary = "/usr/bin/prometheus-alertmanager";
    private readonly Process _process;
    private readonly DirectoryInfo _folder;

    private RealAlertmanager(Process process, DirectoryInfo folder, Uri address)
    {
        _process = process;
        _folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<RealAlertmanager> StartAsync()
    {
        Assert.True(File.Exists(Binary), "This test needs Debian's prometheus-alertmanager package (.ci/run installs it).");
        var folder = Directory.CreateTempSubdirectory("real-alertmanager-");
        var config = Path.Combine(folder.FullName, "alertmanager.yml");
        await File.WriteAllTextAsync(config, "route:\n  receiver: \"null\"\nreceivers:\n  - name: \"null\"\n");
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo(Binary) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[]
        {
            $"--config.file={config}", $"--storage.path={Path.Combine(folder.FullName, "data")}",
            $"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address=", "--log.level=warn",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("alertmanager did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var real = new RealAlertmanager(process, folder, new Uri($"http://127.0.0.1:{port}/"));
        await AsyncWait.UntilAsync(real.IsReadyAsync, "the real Alertmanager to be ready");
        return real;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Http.Dispose();
        _folder.Delete(recursive: true);
    }

    private async Task<bool> IsReadyAsync()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"alertmanager exited with {_process.ExitCode}");
        }

        try
        {
            using var response = await Http.GetAsync(new Uri(Address, "-/ready"));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
