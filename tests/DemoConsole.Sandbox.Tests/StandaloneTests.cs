using System.Diagnostics;

namespace DemoConsole.Sandbox.Tests;

/// <summary>The standalone sandbox process: prints its endpoints, serves kubectl, stops cleanly on SIGTERM.</summary>
public sealed class StandaloneTests
{
    [Fact]
    public async Task Main_FreePorts_PrintsEndpointsServesKubectlAndStopsOnSigterm()
    {
        var directory = Directory.CreateTempSubdirectory("sandbox-standalone-").FullName;
        var kubeconfig = Path.Combine(directory, "kubeconfig");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "DemoConsole.Sandbox.dll"), "--api-port", "0", "--gateway-port", "0", "--prometheus-port", "0", "--github-port", "0", "--kubeconfig", kubeconfig, "--time-scale", "0.01" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            var banner = new List<string>();
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                banner.Add(line);
                if (line.StartsWith("Press Ctrl+C", StringComparison.Ordinal))
                {
                    break;
                }
            }

            var kubectl = Process.Start(new ProcessStartInfo("/usr/bin/kubectl", ["get", "namespace", "titanium-prod", "-o", "name"])
            {
                RedirectStandardOutput = true,
                Environment = { ["KUBECONFIG"] = kubeconfig, ["HOME"] = directory },
            })!;
            var kubectlOutput = await kubectl.StandardOutput.ReadToEndAsync(timeout.Token);
            await kubectl.WaitForExitAsync(timeout.Token);
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync(timeout.Token);
            }

            var rest = await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);

            Assert.Matches(@"^Kubernetes API: http://127\.0\.0\.1:\d+/$", banner[0]);
            Assert.Matches(@"^  over TLS:\s+https://127\.0\.0\.1:\d+/ \(service-account tokens; CA: GET /sandbox/v1/ca\.crt\)$", banner[1]);
            Assert.Matches(@"^Gateway:\s+http://127\.0\.0\.1:\d+/$", banner[2]);
            Assert.Matches(@"^Prometheus:\s+http://127\.0\.0\.1:\d+/$", banner[3]);
            Assert.Equal(banner[3].Split(' ')[^1], banner[4].Split(' ')[^1]);
            Assert.StartsWith("Alertmanager:", banner[4], StringComparison.Ordinal);
            Assert.Equal($"Kubeconfig:     {kubeconfig}", banner[5]);
            Assert.Equal("namespace/titanium-prod", kubectlOutput.Trim());
            Assert.Contains("Stopping.", rest, StringComparison.Ordinal);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            Directory.Delete(directory, recursive: true);
        }
    }
}
