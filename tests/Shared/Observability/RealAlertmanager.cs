using System.Diagnostics;
using System.Net;

namespace DemoConsole.Tests.Shared.Observability;

/// <summary>
/// Debian's real Alertmanager (prometheus-alertmanager) for one test: temp config and storage, loopback port, clustering
/// off, one "null" receiver as kube-prometheus-stack's default, no group wait. Never the system service. Started on its
/// own (the twin's differential test) or next to a <see cref="RealPrometheus"/>.
/// </summary>
public sealed class RealAlertmanager : IAsyncDisposable
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

    /// <param name="port">A port chosen beforehand (a console configured before it starts); 0: a free one.</param>
    public static async Task<RealAlertmanager> StartAsync(int port = 0)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: apt-get install -y prometheus-alertmanager (see .ci/run).");
        }

        var folder = Directory.CreateTempSubdirectory("real-alertmanager-");
        var config = Path.Combine(folder.FullName, "alertmanager.yml");
        await File.WriteAllTextAsync(config, "route:\n  receiver: \"null\"\n  group_wait: 0s\nreceivers:\n  - name: \"null\"\n");
        port = port == 0 ? RealPrometheus.FreePort() : port;
        var start = new ProcessStartInfo(Binary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            $"--config.file={config}", $"--storage.path={Path.Combine(folder.FullName, "data")}",
            $"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address=", "--log.level=warn",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("alertmanager did not start");
        // Drain the output so a chatty process never blocks on a full pipe.
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var real = new RealAlertmanager(process, folder, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await AsyncWait.UntilAsync(real.IsReadyAsync, "the real Alertmanager to be ready");
            return real;
        }
        catch
        {
            await real.DisposeAsync();
            throw;
        }
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
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying process: the temp folder is cleaned up by the system.
        }
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
