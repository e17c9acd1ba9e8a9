using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DemoConsole.Tests.Shared.Observability;

/// <summary>
/// Debian's real Prometheus (and optionally Alertmanager) for one test class: a generated config in a temp folder,
/// loopback ports, a 1 s scrape of the given /metrics targets, and rule files. Installed by .ci/run
/// (<c>apt-get install prometheus prometheus-alertmanager</c>). Killed and cleaned up on dispose.
/// </summary>
public sealed class RealPrometheus : IAsyncDisposable
{
    public const string PrometheusPath = "/usr/bin/prometheus";

    private readonly List<Process> _processes = [];
    private RealAlertmanager? _alertmanager;
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("real-prometheus-");

    private RealPrometheus(Uri address) => Address = address;

    public Uri Address { get; }

    public Uri? Alertmanager { get; private set; }

    /// <summary>For the test's own calls to <see cref="Address"/> (and <see cref="Alertmanager"/>).</summary>
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A free loopback port now (for a console that must know Prometheus's address before it starts).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <param name="targets">host:port of each /metrics endpoint to scrape every second (one job, "sandbox").</param>
    /// <param name="rules">A Prometheus rules file (groups: …), or null.</param>
    public static Task<RealPrometheus> StartAsync(IEnumerable<string> targets, string? rules = null, bool withAlertmanager = false, int port = 0) =>
        StartAsync(targets.Select(t => new ScrapeJob("sandbox", "/metrics", t)).ToList(), rules, withAlertmanager, port);

    /// <summary>The sandbox gateway scraped as the twin scrapes it: Envoy's Istio metrics and the kubelet's container metrics.</summary>
    public static IReadOnlyList<ScrapeJob> SandboxJobs(string gatewayAuthority) =>
        [new ScrapeJob("envoy-stats", "/stats/prometheus", gatewayAuthority), new ScrapeJob("kubelet", "/metrics/cadvisor", gatewayAuthority)];

    /// <param name="jobs">The scrape jobs, each scraped every second.</param>
    /// <param name="rules">A Prometheus rules file (groups: …; JSON is YAML too), or null.</param>
    /// <param name="alertmanagerPort">The Alertmanager's port when a console must know it before it starts; 0: a free one.</param>
    public static async Task<RealPrometheus> StartAsync(IReadOnlyList<ScrapeJob> jobs, string? rules = null, bool withAlertmanager = false, int port = 0, int alertmanagerPort = 0)
    {
        if (!File.Exists(PrometheusPath))
        {
            throw new InvalidOperationException($"{PrometheusPath} is missing: apt-get install -y prometheus prometheus-alertmanager (see .ci/run).");
        }

        port = port == 0 ? FreePort() : port;
        var prometheus = new RealPrometheus(new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await prometheus.StartAllAsync(jobs, rules, withAlertmanager, port, alertmanagerPort);
            return prometheus;
        }
        catch
        {
            await prometheus.DisposeAsync();
            throw;
        }
    }

    /// <summary>A GET against the real Prometheus, as JSON.</summary>
    public async Task<System.Text.Json.Nodes.JsonNode> GetAsync(string pathAndQuery)
    {
        using var response = await Http.GetAsync(new Uri(Address, pathAndQuery));
        return System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task StartAllAsync(IReadOnlyList<ScrapeJob> jobs, string? rules, bool withAlertmanager, int port, int alertmanagerPort)
    {
        var alerting = "";
        if (withAlertmanager)
        {
            _alertmanager = await RealAlertmanager.StartAsync(alertmanagerPort);
            Alertmanager = _alertmanager.Address;
            alerting = $"alerting:\n  alertmanagers:\n    - static_configs:\n        - targets: ['{Alertmanager.Authority}']\n";
        }

        var ruleFiles = "";
        if (rules is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(_folder.FullName, "rules.yml"), rules);
            ruleFiles = "rule_files:\n  - rules.yml\n";
        }

        var config = Path.Combine(_folder.FullName, "prometheus.yml");
        var scrapes = string.Concat(jobs.GroupBy(j => (j.Name, j.MetricsPath)).Select(g =>
            $"  - job_name: {g.Key.Name}\n    metrics_path: {g.Key.MetricsPath}\n    static_configs:\n      - targets: [{string.Join(", ", g.Select(j => $"'{j.Target}'"))}]\n"));
        await File.WriteAllTextAsync(config,
            $"global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n{ruleFiles}{alerting}scrape_configs:\n{scrapes}");
        Start(PrometheusPath, $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(_folder.FullName, "data")}",
            $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn",
            // An alert that fires before the Alertmanager is discovered is dropped and only re-sent after this delay (1m by default).
            "--rules.alert.resend-delay=1s");
        await WaitReadyAsync(new Uri(Address, "-/ready"), "Prometheus");
    }

    private void Start(string path, params string[] arguments)
    {
        var info = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{path} did not start.");
        // Drain the output so a chatty process never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
    }

    private async Task WaitReadyAsync(Uri ready, string what)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await AsyncWait.UntilAsync(async () =>
        {
            if (_processes.Any(p => p.HasExited))
            {
                throw new InvalidOperationException($"{what} exited at start (code {_processes.First(p => p.HasExited).ExitCode}).");
            }

            try
            {
                using var response = await http.GetAsync(ready);
                return response.IsSuccessStatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, $"{what} ready at {ready}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        if (_alertmanager is not null)
        {
            await _alertmanager.DisposeAsync();
        }

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
}
