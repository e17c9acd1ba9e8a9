using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using DemoConsole.Tests.Shared;

namespace DemoConsole.Sandbox.Tests.Support;

/// <summary>
/// The real Prometheus (Debian's package, /usr/bin/prometheus) started for one test: generated config and TSDB in a
/// temp folder, loopback port, scraping the sandbox's exporters every second. Never the system service.
/// </summary>
internal sealed class RealPrometheus : IAsyncDisposable
{
    public const string Binary = "/usr/bin/prometheus";
    private readonly Process _process;
    private readonly DirectoryInfo _folder;

    private RealPrometheus(Process process, DirectoryInfo folder, Uri address)
    {
        _process = process;
        _folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Starts Prometheus scraping the sandbox like the twin does (same jobs, paths and instance), with the given rule groups.</summary>
    public static async Task<RealPrometheus> StartAsync(SandboxHost sandbox, JsonArray ruleGroups)
    {
        Assert.True(File.Exists(Binary), "The differential tests need Debian's prometheus package (apt-get install -y prometheus; .ci/run installs it).");
        var folder = Directory.CreateTempSubdirectory("real-prometheus-");
        var instance = sandbox.Gateway.Authority;
        var rules = Path.Combine(folder.FullName, "rules.yml");

        // JSON is YAML, so the PrometheusRule's groups are written as they are stored.
        await File.WriteAllTextAsync(rules, new JsonObject { ["groups"] = ruleGroups.DeepClone() }.ToJsonString());
        var config = $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            rule_files:
              - {rules}
            scrape_configs:
              - job_name: envoy-stats
                metrics_path: /stats/prometheus
                static_configs:
                  - targets: ["{instance}"]
              - job_name: kubelet
                metrics_path: /metrics/cadvisor
                static_configs:
                  - targets: ["{instance}"]
            """;
        var configPath = Path.Combine(folder.FullName, "prometheus.yml");
        await File.WriteAllTextAsync(configPath, config);
        var port = FreePort();
        var start = new ProcessStartInfo(Binary) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[]
        {
            $"--config.file={configPath}", $"--storage.tsdb.path={Path.Combine(folder.FullName, "data")}",
            $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("prometheus did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var real = new RealPrometheus(process, folder, new Uri($"http://127.0.0.1:{port}/"));
        await AsyncWait.UntilAsync(real.IsReadyAsync, "the real Prometheus to be ready");
        return real;
    }

    public async Task<JsonNode> GetAsync(string pathAndQuery)
    {
        using var response = await Http.GetAsync(new Uri(Address, pathAndQuery));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
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
            throw new InvalidOperationException($"prometheus exited with {_process.ExitCode}");
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
